import EvidexDocuments
import EvidexQuotes
import EvidexText
import Foundation
import Testing
@testable import EvidexIndex

/// The quote field takes its terms from the title's and paragraphs' occurrences: they must be
/// the terms an analysis of each quote's own text gives.
@Suite struct QuoteTermSourceTests {
    /// The terms of each searchable quote, both ways.
    static func terms(of doc: Document) throws -> (reused: [[String]], analysed: [[String]]) {
        let analyzer = try Analyzer()
        let (scalars, _, _) = StoredAnnotations.scalars(of: doc)
        let quotes = TextAnnotator().annotate(scalars: scalars).quotes.filter(StoredAnnotations.isSearchable)
        var source = QuoteTermSource()
        source.reset(doc, quotes: quotes.map(\.range))
        var texts: [(piece: Int, text: String)] = doc.paragraphs.enumerated().map {
            (StoredAnnotations.paragraphPiece($0.offset, of: doc), $0.element.text)
        }
        if let t = StoredAnnotations.titlePiece(of: doc) { texts.append((t, doc.title)) }
        // as `SegmentBuilder` does: only the pieces a quote overlaps are recorded
        for (piece, text) in texts where source.wants(piece: piece) {
            var recorded = source.begin(piece: piece)
            analyzer.forEachOccurrence(in: text) { recorded.append($0) }
            source.end(recorded)
        }
        var reused: [[String]] = []
        var analysed: [[String]] = []
        for q in quotes {
            var a: [String] = []
            source.forEachOccurrence(in: q.range) { a.append(analyzer.vocabulary.string($0.exact)) }
            var b: [String] = []
            analyzer.forEachOccurrence(in: q.text) { b.append(analyzer.vocabulary.string($0.exact)) }
            reused.append(a)
            analysed.append(b)
        }
        return (reused, analysed)
    }

    @Test func shippedArticleQuotesGetTheirOwnTerms() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../corpus/ics-discrimination-2021-06-08.txt").standardized.path
        let docs = DocumentLoader().load(SourceFile(url: URL(fileURLWithPath: path), relativePath: "ics.txt")).documents
        let doc = try #require(docs.first)
        let (reused, analysed) = try Self.terms(of: doc)
        #expect(reused.count >= 5)
        #expect(reused == analysed)
        #expect(reused.contains { $0.starts(with: ["it", "is", "a", "bitter", "irony"]) })
    }

    @Test func nonASCIIAndMultiParagraphQuotes() throws {
        let doc = makeDocument("d1", title: "Café owner warns: “Prices will rise”", body: [
            "Zoë Brontë, who runs a café in Düsseldorf, said: “The naïve view — that costs fall — is wrong.",
            "“Suppliers have raised prices by 20% since März,” she added.",
            "The ministry said the plan was ‘a façade’.",
        ])
        let (reused, analysed) = try Self.terms(of: doc)
        #expect(!reused.isEmpty)
        #expect(reused == analysed)
        // terms after accented words in the same piece: offsets past multi-byte scalars
        #expect(reused.contains { $0.contains("costs") })
        #expect(reused.contains { $0.contains("suppliers") })
    }

    /// Only paragraphs that a quote overlaps are recorded; a quote over two paragraphs wants both.
    @Test func onlyQuotedParagraphsAreWanted() throws {
        let doc = makeDocument("d2", title: "Trust warns on beds", body: [
            "The trust published its figures on Monday.",
            "Dr Ada Kemp, its medical director, said: “We are full.",
            "“There is nowhere left to put patients,” she added.",
            "Figures for March are due next week.",
        ])
        let (scalars, _, _) = StoredAnnotations.scalars(of: doc)
        let quotes = TextAnnotator().annotate(scalars: scalars).quotes.filter(StoredAnnotations.isSearchable)
        #expect(quotes.count == 2)
        var source = QuoteTermSource()
        source.reset(doc, quotes: quotes.map(\.range))
        let wanted = doc.paragraphs.indices.map { source.wants(piece: StoredAnnotations.paragraphPiece($0, of: doc)) }
        #expect(wanted == [false, true, true, false])
        #expect(!source.wants(piece: try #require(StoredAnnotations.titlePiece(of: doc))))
        let (reused, analysed) = try Self.terms(of: doc)
        #expect(reused == analysed)
    }
}
