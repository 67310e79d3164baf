/// Why a document scored what it did: a tree of values with descriptions, like Lucene's.
public struct Explanation: Sendable, Codable, Equatable {
    public var value: Double
    public var description: String
    public var details: [Explanation]

    public init(value: Double, description: String, details: [Explanation] = []) {
        self.value = value
        self.description = description
        self.details = details
    }

    /// Indented plain text for terminals.
    public func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        var out = pad + String(format: "%.4f", value) + "  " + description + "\n"
        for d in details { out += d.render(indent: indent + 1) }
        return out
    }
}

import Foundation
