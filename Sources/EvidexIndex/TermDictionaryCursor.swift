/// Walks a term dictionary in key order, one decoded block at a time, so that a merge visits
/// the union of several dictionaries without holding every key in memory.
struct TermDictionaryCursor {
    private let dictionary: TermDictionary
    private var block = -1
    private var entries: [(key: [UInt8], info: TermInfo)] = []
    private var index = 0

    init(_ dictionary: TermDictionary) {
        self.dictionary = dictionary
        entries.reserveCapacity(TermDictionaryWriter.blockSize)
        loadNext()
    }

    /// The current term, or nil past the last.
    var current: (key: [UInt8], info: TermInfo)? { index < entries.count ? entries[index] : nil }

    mutating func next() {
        index += 1
        if index >= entries.count { loadNext() }
    }

    private mutating func loadNext() {
        entries.removeAll(keepingCapacity: true)
        index = 0
        while entries.isEmpty && block + 1 < dictionary.blockCount {
            block += 1
            _ = dictionary.scan(block: block) { _, key, info in
                entries.append((key, info))
                return true
            }
        }
    }
}
