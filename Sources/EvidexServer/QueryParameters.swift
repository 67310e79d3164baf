/// A request's decoded query parameters with the checks every endpoint applies: a value may be
/// at most `maxValueBytes` long, numbers must be whole and in range. Parameters no endpoint
/// knows are ignored (links may carry tracking parameters); of repeated ones the first counts.
///
/// The API is strict, so that a client's mistake shows: a parameter given with an empty value
/// is an error, numbers are plain digits. The HTML page is lenient (`blankIsAbsent`), because
/// a form submits its empty fields as `name=`.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]
    let maxValueBytes: Int
    let blankIsAbsent: Bool

    init(pairs: [(name: String, value: String)], maxValueBytes: Int, blankIsAbsent: Bool = false) {
        self.maxValueBytes = maxValueBytes
        self.blankIsAbsent = blankIsAbsent
        for (name, value) in pairs where values[name] == nil { values[name] = value }
    }

    init(rawQuery: String?, limits: ServerLimits, blankIsAbsent: Bool = false) throws(APIError) {
        self.init(pairs: try QueryStringDecoder.decode(rawQuery, maxBytes: limits.maxQueryStringBytes),
                  maxValueBytes: limits.maxParameterBytes, blankIsAbsent: blankIsAbsent)
    }

    /// The value, or nil when absent.
    /// - Parameter allowEmpty: whether an empty value means something (an empty quote query
    ///   lists every quote); otherwise it is refused, or taken as absent on the page.
    func string(_ name: String, allowEmpty: Bool = false) throws(APIError) -> String? {
        guard let v = values[name] else { return nil }
        guard v.utf8.count <= maxValueBytes else { throw .tooLong(name, limit: maxValueBytes) }
        if v.trimmingWhitespace().isEmpty {
            if blankIsAbsent { return nil }
            if !allowEmpty { throw .badParameter("\(name) is empty: leave it out or give it a value") }
        }
        return v
    }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let raw = try string(name) else { return value }
        let text = blankIsAbsent ? raw.trimmingWhitespace() : raw
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") }
        guard !digits.isEmpty, text.utf8.count - digits.count <= 1,
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw .badParameter("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        // Plain digits that do not fit an Int are out of range too.
        guard let n = Int(text), range.contains(n) else {
            throw .badParameter("\(name) must be from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return n
    }

    func bool(_ name: String) throws(APIError) -> Bool {
        guard let text = try string(name) else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default: throw .badParameter("\(name) must be true or false, not \(text)")
        }
    }
}
