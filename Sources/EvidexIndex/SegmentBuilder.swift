import EvidexDocuments
import EvidexQuotes
import EvidexText

/// Accumulates documents in memory and writes them out as one immutable segment.
///
/// Postings are gathered per (field, vocabulary id) slot as a flat run of
/// `doc, freq, positions…` so that adding a token is O(1) with no per-document sort.
/// Not thread-safe: each indexing thread owns a builder and the analyzer it reads ids from.
final class SegmentBuilder {
    let analyzer: Analyzer
    /// Positions left empty between paragraphs, so phrases never match across them.
    static let paragraphGap: UInt32 = 1

    private let postings = PostingsAccumulator()

    private var parts: SegmentParts
    private var encodeScratch = ByteBuffer(capacity: 1 << 16)
    private var quoteTerms = QuoteTermSource()
    /// The batch `withBatch` lends out, kept for its buffers.
    private var batchBuffer = PostingBatch()

    var estimatedBytes: Int { postings.bytes + parts.store.memoryBytes + parts.memoryBytes + analyzer.memoryBytes }
    var docCount: Int { parts.docCount }
    var ids: [String] { parts.ids }

    /// `spillDirectory`: where the document store may spill (the index folder).
    init(analyzer: Analyzer, spillDirectory: String?) {
        self.analyzer = analyzer
        parts = SegmentParts(spillDirectory: spillDirectory)
    }

    /// Adds one document; `path` is the source file relative to the indexed root ("" if none);
    /// `annotations` are its quotes and organisation mentions, in `StoredAnnotations.text(of:)`.
    /// With `sourceFile` (the file's absolute path) and the document's span, the store keeps a
    /// reference to the source instead of a copy of the text.
    func add(_ doc: Document, path: String, sourceFile: String?, annotations: TextAnnotations) {
        let docID = UInt32(parts.docCount)
        parts.appendID(doc.id)
        parts.dates.append(doc.date?.ordinal ?? Int32.min)
        parts.kinds.append(StoredDocumentCodec.kindCode(doc.kind))
        parts.sources.append(doc.source ?? "")
        parts.paths.append(path)

        let quotes = annotations.quotes.filter(StoredAnnotations.isSearchable)
        // The quote field reuses the title's and paragraphs' occurrences (`QuoteTermSource`),
        // of the pieces that hold a quote it indexes (not a transcript's turns).
        let indexed = quotes.lazy.filter { $0.kind != .turn }.map(\.range)
        let recording = !indexed.isEmpty
        if recording { quoteTerms.reset(doc, quotes: indexed) }
        for field in IndexField.textFields {
            let length: UInt32
            switch field {
            case .title where recording:
                length = index(texts: [doc.title], field: field, doc: docID, pieces: [StoredAnnotations.titlePiece(of: doc)])
            case .body where recording:
                let entries = doc.bodyStreamIndexed
                length = index(texts: entries.map(\.text), field: field, doc: docID,
                               pieces: entries.map { $0.paragraph.map { StoredAnnotations.paragraphPiece($0, of: doc) } })
            case .speaker:
                // Transcript speakers, then the speakers of quotes (each name once).
                var names = doc.speakers
                var seen = Set(names)
                for q in quotes { if let n = q.speaker?.name, seen.insert(n).inserted { names.append(n) } }
                length = index(texts: names, field: field, doc: docID)
            case .quote:
                length = indexQuotes(quotes, doc: docID)
            case .org:
                length = keywords(annotations.organisations.map(\.name), field: field, doc: docID)
            case .quoteOrg:
                length = keywords(quotes.compactMap { $0.speaker?.organisation }, field: field, doc: docID)
            default:
                length = index(texts: doc.indexedTexts(field), field: field, doc: docID)
            }
            parts.fieldLengths[Int(field.rawValue)].append(length)
        }

        encodeScratch = ByteBuffer(capacity: 4096)
        if let sourceFile, let span = doc.span {
            StoredDocumentCodec.encodeReference(
                file: parts.sourceFileOrdinal(sourceFile), span: span, document: doc, annotations: annotations, into: &encodeScratch)
        } else {
            StoredDocumentCodec.encode(doc, annotations: annotations, into: &encodeScratch)
        }
        encodeScratch.bytes.withUnsafeBytes { parts.store.add($0) }
    }

    /// Indexes texts as one field value; returns the field length in tokens. With `pieces`,
    /// the occurrences of each text with a piece number are kept for the quote field.
    private func index(texts: [String], field: IndexField, doc: UInt32, pieces: [Int?]? = nil) -> UInt32 {
        let table = Int(field.rawValue)
        var position: UInt32 = 0
        var length: UInt32 = 0
        withBatch(table: table, doc: doc) { batch in
            for (n, text) in texts.enumerated() {
                if n > 0 && length > 0 { position += SegmentBuilder.paragraphGap }
                if let piece = pieces?[n], quoteTerms.wants(piece: piece) {
                    var recorded = quoteTerms.begin(piece: piece)
                    analyzer.forEachOccurrence(in: text) { occ in
                        recorded.append(occ)
                        batch.add(occ, position: position, to: postings)
                        position += 1
                        length += 1
                    }
                    quoteTerms.end(recorded)
                } else {
                    analyzer.forEachOccurrence(in: text) { occ in
                        batch.add(occ, position: position, to: postings)
                        position += 1
                        length += 1
                    }
                }
            }
        }
        return length
    }

    /// Runs `body` with the builder's reused batch, started for this field of `doc`, and posts
    /// what is left in it afterwards.
    private func withBatch(table: Int, doc: UInt32, _ body: (inout PostingBatch) -> Void) {
        var batch = batchBuffer
        batchBuffer = PostingBatch()
        batch.start(table: table, doc: doc)
        body(&batch)
        batch.flush(to: postings)
        batchBuffer = batch
    }

    /// Indexes the quotes as the quote field from the occurrences `index(texts:…pieces:)`
    /// kept; returns the field length in tokens.
    private func indexQuotes(_ quotes: [Quote], doc: UInt32) -> UInt32 {
        var position: UInt32 = 0
        var length: UInt32 = 0
        withBatch(table: Int(IndexField.quote.rawValue), doc: doc) { batch in
            // A transcript turn's text is the body's paragraph: indexing it again here doubled
            // a transcript's postings (a third of what quotations added to indexing one).
            // Searches on quotes find turns through the body (`QueryPreparer`).
            for q in quotes where q.kind != .turn {
                if length > 0 { position += SegmentBuilder.paragraphGap }
                quoteTerms.forEachOccurrence(in: q.range) { occ in
                    batch.add(occ, position: position, to: postings)
                    position += 1
                    length += 1
                }
            }
        }
        return length
    }

    /// Indexes organisation names verbatim, one position each; returns how many.
    private func keywords(_ values: [String], field: IndexField, doc: UInt32) -> UInt32 {
        let table = Int(field.rawValue)
        for (i, v) in values.enumerated() {
            let term = analyzer.vocabulary.intern(v)
            postings.add(table: table, term: term, stem: term, doc: doc, position: UInt32(i))
        }
        return UInt32(values.count)
    }

    /// Takes what was added for serialisation. The term keys are resolved now, while the
    /// analyzer's vocabulary is safe to read; the rest of the work (`FrozenSegment.serialize`)
    /// touches nothing the worker keeps using, so it may run on another thread.
    func freeze(stamps: [String: FileStamp]) -> FrozenSegment {
        let terms = SegmentTermKeys(postings: postings, vocabulary: analyzer.vocabulary)
        var own: [String: FileStamp] = [:]
        for p in Set(parts.paths) { if let s = stamps[p] { own[p] = s } }
        return FrozenSegment(postings: postings, parts: parts, terms: terms, stamps: own)
    }
}
