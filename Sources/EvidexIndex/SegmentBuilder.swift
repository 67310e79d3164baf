import EvidexDocuments
import EvidexText

/// Accumulates documents in memory and writes them out as one immutable segment.
///
/// Postings are gathered per (field, namespace, vocabulary id) slot as a flat run of
/// `doc, freq, positions…` so that adding a token is O(1) with no per-document sort.
/// Not thread-safe: each indexing thread owns a builder and the analyzer it reads ids from.
final class SegmentBuilder {
    let analyzer: Analyzer
    /// Positions left empty between paragraphs, so phrases never match across them.
    static let paragraphGap: UInt32 = 1

    private let postings = PostingsAccumulator()

    private var parts = SegmentParts()
    private var encodeScratch = ByteBuffer(capacity: 1 << 16)

    private var storedBytes = 0
    var estimatedBytes: Int { postings.bytes + storedBytes }
    var docCount: Int { parts.docCount }
    var ids: [String] { parts.ids }

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// Adds one document; `path` is the source file relative to the indexed root ("" if none).
    func add(_ doc: Document, path: String) {
        let docID = UInt32(parts.docCount)
        parts.ids.append(doc.id)
        parts.dates.append(doc.date?.ordinal ?? Int32.min)
        parts.kinds.append(StoredDocumentCodec.kindCode(doc.kind))
        parts.sources.append(doc.source ?? "")
        parts.paths.append(path)

        for field in IndexField.textFields {
            parts.fieldLengths[Int(field.rawValue)].append(index(texts: doc.indexedTexts(field), field: field, doc: docID))
        }

        encodeScratch = ByteBuffer(capacity: 4096)
        StoredDocumentCodec.encode(doc, into: &encodeScratch)
        encodeScratch.bytes.withUnsafeBytes { parts.store.add($0) }
        storedBytes += encodeScratch.count / 3 + 64
    }

    /// Indexes texts as one field value; returns the field length in tokens.
    private func index(texts: [String], field: IndexField, doc: UInt32) -> UInt32 {
        let exactTable = Int(field.rawValue) * 2
        var position: UInt32 = 0
        var length: UInt32 = 0
        for (n, text) in texts.enumerated() {
            if n > 0 && length > 0 { position += SegmentBuilder.paragraphGap }
            analyzer.forEachOccurrence(in: text) { occ in
                self.addOccurrence(table: exactTable, term: occ.exact, doc: doc, position: position)
                if occ.stem != occ.exact {
                    self.addOccurrence(table: exactTable + 1, term: occ.stem, doc: doc, position: position)
                }
                position += 1
                length += 1
            }
        }
        return length
    }

    @inline(__always)
    private func addOccurrence(table: Int, term: UInt32, doc: UInt32, position: UInt32) {
        postings.add(table: table, term: term, doc: doc, position: position)
    }

    /// Serialises the segment. The returned bytes are a complete segment file.
    func build() -> [UInt8] {
        // Sort slots by term key.
        let vocab = analyzer.vocabulary
        var keys: [[UInt8]] = []
        keys.reserveCapacity(postings.slotCount)
        for slot in 0..<postings.slotCount {
            let (table, term) = postings.key(of: slot)
            let field = UInt8(table / 2)
            let ns = UInt8(table % 2)
            var k: [UInt8] = [field, ns]
            k.append(contentsOf: vocab.bytes(term))
            keys.append(k)
        }
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }

        var encoder = PostingsEncoder()
        var infos: [TermInfo] = []
        infos.reserveCapacity(order.count)
        var sortedKeys: [[UInt8]] = []
        sortedKeys.reserveCapacity(order.count)
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        var positions: [UInt32] = []
        var data: [UInt32] = []
        var exactData: [UInt32] = []
        for slot in order {
            docs.removeAll(keepingCapacity: true)
            freqs.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            data.removeAll(keepingCapacity: true)
            postings.words(of: slot, into: &data)
            var i = 0
            while i < data.count {
                let d = data[i]
                let f = data[i + 1]
                docs.append(d)
                freqs.append(f)
                positions.append(contentsOf: data[(i + 2)..<(i + 2 + Int(f))])
                i += 2 + Int(f)
            }
            let (table, term) = postings.key(of: slot)
            let lengths = parts.fieldLengths[table / 2]
            var info = docs.withUnsafeBufferPointer { d in
                freqs.withUnsafeBufferPointer { f in
                    positions.withUnsafeBufferPointer { p in
                        encoder.encode(docs: d, freqs: f, positions: p, length: { lengths[Int($0)] })
                    }
                }
            }
            if table % 2 == 1 {
                // Documents holding any form with this stem: union with the exact list.
                if let exactSlot = postings.slot(table: table - 1, term: term) {
                    exactData.removeAll(keepingCapacity: true)
                    postings.words(of: exactSlot, into: &exactData)
                    info.groupDocFreq = SegmentBuilder.unionCount(docs, exactData)
                }
            }
            infos.append(info)
            sortedKeys.append(keys[slot])
        }

        return parts.assemble(termKeys: sortedKeys, termInfos: infos, encoder: encoder)
    }

    /// |a ∪ b| where a is a doc list and b a slot's `doc, freq, positions…` run.
    private static func unionCount(_ a: [UInt32], _ b: [UInt32]) -> UInt32 {
        var i = 0
        var j = 0
        var n: UInt32 = 0
        while i < a.count || j < b.count {
            if j >= b.count { n += UInt32(a.count - i); break }
            let bd = b[j]
            if i >= a.count || bd < a[i] {
                n += 1
                j += 2 + Int(b[j + 1])
            } else if a[i] < bd {
                n += 1
                i += 1
            } else {
                n += 1
                i += 1
                j += 2 + Int(b[j + 1])
            }
        }
        return n
    }
}

