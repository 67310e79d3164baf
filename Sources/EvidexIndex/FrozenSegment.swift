/// A segment's accumulated postings and per-document parts, handed from an indexing thread
/// to whichever thread writes it. Nothing else holds references to its contents.
final class FrozenSegment: @unchecked Sendable {
    private let postings: PostingsAccumulator
    private var parts: SegmentParts
    private let terms: SegmentTermKeys
    /// Stamps of the source files, by path relative to the indexed root.
    private let stamps: [String: FileStamp]

    var ids: [String] { parts.ids }

    init(postings: PostingsAccumulator, parts: SegmentParts, terms: SegmentTermKeys, stamps: [String: FileStamp]) {
        self.stamps = stamps
        self.postings = postings
        self.parts = parts
        self.terms = terms
    }

    /// Writes the segment file (fsynced) at `path`.
    func serialize(to path: String) throws(IndexError) {
        let byBytes = terms.byteOrder()
        // rank[local]: the term's place in byte order, which orders groups and forms alike.
        var rank = [UInt32](repeating: 0, count: byBytes.count)
        for (r, local) in byBytes.enumerated() { rank[Int(local)] = UInt32(r) }

        var encoder = PostingsEncoder(spillDirectory: FrozenSegment.directory(of: path))
        var dictionary = TermDictionaryBuilder()
        terms.withTerms { term in
            var group = GroupListBuilder()
            var key: [UInt8] = []
            var tail: [UInt8] = []
            var forms: [UnsafeRawBufferPointer] = []
            var formDocs: [UInt32] = []
            var slots: [Int] = []
            func makeKey(_ table: Int, _ namespace: TermNamespace, _ local: UInt32) {
                key.removeAll(keepingCapacity: true)
                key.append(UInt8(table))
                key.append(namespace.rawValue)
                key.append(contentsOf: term(Int(local)))
            }
            // Per table: (stem rank, form rank, slot) of each word.
            var words: [(stem: UInt32, form: UInt32, slot: Int)] = []
            for table in 0..<PostingsAccumulator.tables {
                let field = IndexField.textFields[table]
                let lengths = parts.fieldLengths[table]
                words.removeAll(keepingCapacity: true)
                for local in byBytes {
                    guard let slot = postings.slot(table: table, term: terms.ids[Int(local)]) else { continue }
                    let stem = field.isKeyword ? local : UInt32(terms.local(of: postings.stem(of: slot)))
                    words.append((rank[Int(stem)], rank[Int(local)], slot))
                }
                if field.isKeyword {
                    // Keyword values: one list each, in the exact namespace.
                    for (n, w) in words.enumerated() {
                        if n + FrozenSegment.lookahead < words.count { postings.prefetchStream(words[n + FrozenSegment.lookahead].slot) }
                        group.reset()
                        group.add(form: 0, slot: w.slot, from: postings)
                        let info = group.encode(into: &encoder, lengths: lengths)
                        makeKey(table, .exact, byBytes[Int(w.form)])
                        dictionary.add(key, info)
                        encoder.spillIfLarge()
                    }
                    continue
                }
                // Word groups in stem order, each one list of its forms (in byte order).
                words.sort { $0.stem != $1.stem ? $0.stem < $1.stem : $0.form < $1.form }
                var i = 0
                while i < words.count {
                    var j = i + 1
                    while j < words.count && words[j].stem == words[i].stem { j += 1 }
                    if j + FrozenSegment.lookahead < words.count { postings.prefetchStream(words[j + FrozenSegment.lookahead].slot) }
                    let stem = byBytes[Int(words[i].stem)]
                    group.reset()
                    forms.removeAll(keepingCapacity: true)
                    slots.removeAll(keepingCapacity: true)
                    for k in i..<j {
                        slots.append(words[k].slot)
                        forms.append(term(Int(byBytes[Int(words[k].form)])))
                    }
                    group.add(slots: slots, from: postings, documents: &formDocs)
                    let formCount = UInt32(j - i == 1 && words[i].form == words[i].stem ? 0 : j - i)
                    let info = group.encode(into: &encoder, formCount: formCount, lengths: lengths)
                    tail.removeAll(keepingCapacity: true)
                    TermDictionaryWriter.appendGroupTail(stem: term(Int(stem)), forms: forms, docFreqs: formDocs, to: &tail)
                    makeKey(table, .group, stem)
                    tail.withUnsafeBytes { dictionary.add(key, info, tail: $0) }
                    encoder.spillIfLarge()
                    i = j
                }
                // Words that differ from their stem, in their own order, naming it.
                words.sort { $0.form < $1.form }
                for w in words where w.form != w.stem {
                    let form = byBytes[Int(w.form)]
                    tail.removeAll(keepingCapacity: true)
                    TermDictionaryWriter.appendFormTail(form: term(Int(form)), stem: term(Int(byBytes[Int(w.stem)])), to: &tail)
                    makeKey(table, .form, form)
                    tail.withUnsafeBytes { dictionary.add(key, TermInfo(docFreq: 0, postingsOffset: 0, positionsOffset: 0), tail: $0) }
                }
            }
        }

        try parts.write(to: path, dictionary: dictionary, encoder: encoder, stamps: stamps)
    }

    /// How many lists ahead of the one being decoded the next stream is prefetched.
    static let lookahead = 4

    /// The folder of a file path (where its temporary spill files go).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
