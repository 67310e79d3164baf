/// Interned term bytes (UTF-8); ids are dense from 0, append-only, per analyzer.
///
/// Exact forms and stems share one id space: the exact form "run" and the stem of "running"
/// get the same id. Not thread-safe; it belongs to one `Analyzer`.
public final class TermVocabulary {
    let table = ByteTable(initialCapacity: 1 << 14)

    init() {}

    public var count: Int { table.count }

    /// Bytes held, for memory budgets.
    public var memoryBytes: Int { table.memoryBytes }

    /// The term's UTF-8 bytes; valid while the vocabulary lives (storage never moves).
    public func bytes(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
        precondition(Int(id) < table.count, "term id \(id) out of range (count \(table.count))")
        return table.key(at: Int(id))
    }

    public func string(_ id: UInt32) -> String {
        String(decoding: bytes(id), as: UTF8.self)
    }

    /// The id of an already interned term (exact bytes, no folding), or nil.
    public func id(of term: String) -> UInt32? {
        var term = term
        return term.withUTF8 { buf -> UInt32? in
            let raw = UnsafeRawBufferPointer(buf)
            let base = raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
            let idx = table.find(base, raw.count, hash: hashBytes(base, raw.count))
            return idx < 0 ? nil : UInt32(idx)
        }
    }

    /// Interns UTF-8 bytes and returns their id.
    @discardableResult
    func intern(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        let h = hashBytes(base, bytes.count)
        let idx = table.find(base, bytes.count, hash: h)
        if idx >= 0 { return UInt32(idx) }
        precondition(table.count < Int(UInt32.max), "term vocabulary full")
        return UInt32(table.insert(bytes, hash: h, value: 0))
    }

    /// Interns a string and returns its id.
    @discardableResult
    public func intern(_ term: String) -> UInt32 {
        var term = term
        return term.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }
}
