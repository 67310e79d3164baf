import Evidex
import Foundation
import Testing

/// Quotations inside the turns of a hearing transcript: counsel reading a witness's statement
/// back to them, and a witness quoting themself.
@Suite("Quotes in transcript turns")
struct TranscriptQuoteTests {
    static let hearing = """
    14 March 2024
    =============

    *(10.00 am)*

    **Lady Hallett**: Good morning. Ms Rowe.

    Dr Amara Velde
    --------------

    *DR AMARA VELDE (affirmed).*

    **Ms Rowe**: Dr Velde, at paragraph 35 of your witness statement you say:

    "We learned a great deal about the importance of PPE supplies and their distribution."

    Is that still your view?

    **Dr Amara Velde**: It is. In April I said to the regional director: "We cannot keep going like this."

    **Dr Amara Velde**: You build a stockpile, and you don't turn round after ten years and say, "What a waste of money that was."

    **Ms Rowe**: "The stockpile was not replenished in time."

    **Ms Rowe**: Thank you.
    """

    @Test("'you say' is the witness addressed; 'I said' is the turn's speaker")
    func pronounsInTurns() throws {
        let docs = DocumentLoader().load(text: Self.hearing, relativePath: "module-3/2024-03-14.rst").documents
        let doc = try #require(docs.first)
        let quotes = DocumentAnnotator().annotate(doc).quotes.filter { $0.kind != .turn }
        let ppe = try #require(quotes.first { $0.text.hasPrefix("We learned a great deal") })
        #expect(ppe.speaker?.name == "Dr Amara Velde", "\(String(describing: ppe.speaker))")
        let going = try #require(quotes.first { $0.text.hasPrefix("We cannot keep going") })
        #expect(going.speaker?.name == "Dr Amara Velde", "\(String(describing: going.speaker))")
        // a witness's "you" is anyone's: no speaker
        let waste = try #require(quotes.first { $0.text.hasPrefix("What a waste") })
        #expect(waste.speaker == nil, "\(String(describing: waste.speaker))")
    }

    @Test("extract reads the turns of a gzipped transcript (text read from a .gz is not gunzipped again)")
    func gzippedTranscriptTurns() throws {
        let docs = DocumentLoader().load(text: Self.hearing, relativePath: "module-3/2024-03-14.rst.gz")
        #expect(docs.problems.isEmpty, "\(docs.problems)")
        let doc = try #require(docs.documents.first)
        let annotations = DocumentAnnotator().annotate(fileText: Self.hearing, documents: [doc])
        #expect(annotations.quotes.filter { $0.kind == .turn }.count == 8)  // a turn per paragraph
        // offsets and texts are the file's; a speaker label is no speaker ("**Ms Rowe**: '…'"
        // reads a document aloud)
        let scalars = Array(Self.hearing.unicodeScalars)
        for q in annotations.quotes { #expect(String(String.UnicodeScalarView(scalars[q.range])) == q.text) }
        let read = try #require(annotations.quotes.first { $0.kind != .turn && $0.text.hasPrefix("The stockpile") })
        #expect(read.speaker == nil, "\(String(describing: read.speaker))")
        let ppe = try #require(annotations.quotes.first { $0.kind != .turn && $0.text.hasPrefix("We learned") })
        #expect(ppe.speaker?.name == "Dr Amara Velde")
    }
}
