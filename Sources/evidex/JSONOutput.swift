import Foundation

enum JSONOutput {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func print<T: Encodable>(_ value: T, pretty: Bool = false) {
        Swift.print(encode(value, pretty: pretty))
    }
}
