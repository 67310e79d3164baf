import EvidexSearch
import Testing
@testable import EvidexEval

@Suite("Query, qrels and run files")
struct ReaderTests {
    @Test("TSV and JSON Lines queries; free text kept as written")
    func queries() throws {
        let tsv = "1\twhat is \"information retrieval\"?\r\n\n2\tTitle: (stray bracket\n"
        let q = try QueryFileReader.parse(tsv, path: "q.tsv")
        #expect(q == [EvalQuery(qid: "1", text: "what is \"information retrieval\"?"), EvalQuery(qid: "2", text: "Title: (stray bracket")])
        let jsonl = #"{"qid": "PLAIN-1", "text": "why \"deep\" learning", "terms": ["x"]}"# + "\n" + #"{"qid": 7, "text": "seven"}"#
        let j = try QueryFileReader.parse(jsonl, path: "queries")
        #expect(j == [EvalQuery(qid: "PLAIN-1", text: "why \"deep\" learning"), EvalQuery(qid: "7", text: "seven")])
    }

    @Test("bad query files name the file and line")
    func badQueries() {
        #expect(throws: EvalError.badQueryLine(path: "q.tsv", line: 2, reason: "no tab between the query id and its text")) {
            try QueryFileReader.parse("1\tok\nno tab here\n", path: "q.tsv")
        }
        #expect(throws: EvalError.duplicateQuery(path: "q.tsv", line: 2, qid: "1")) {
            try QueryFileReader.parse("1\ta\n1\tb\n", path: "q.tsv")
        }
        #expect(throws: EvalError.badQueryLine(path: "q.jsonl", line: 1, reason: "no string \"text\"")) {
            try QueryFileReader.parse(#"{"qid": "1"}"#, path: "q.jsonl")
        }
        #expect(throws: EvalError.empty(path: "q.tsv", what: "queries")) {
            try QueryFileReader.parse("\n\n", path: "q.tsv")
        }
    }

    @Test("TREC qrels and three-column qrels, graded")
    func qrels() throws {
        let q = try QrelsReader.parse("1 0 d1 2\n1 0 d2 0\n2\tQ0\td3\t1\n\n", path: "r")
        #expect(q.grade(qid: "1", docid: "d1") == 2)
        #expect(q.relevantCount(qid: "1") == 1)
        #expect(q.grade(qid: "2", docid: "d3") == 1)
        let three = try QrelsReader.parse("1\td1\t3\n1\td9\t1\n", path: "r.tsv")
        #expect(three.idealGains(qid: "1") == [3, 1])
        #expect(throws: EvalError.badQrelsLine(path: "r", line: 1, reason: "relevance \"x\" is not an integer")) {
            try QrelsReader.parse("1 0 d1 x\n", path: "r")
        }
        #expect(throws: EvalError.badQrelsLine(path: "r", line: 2, reason: "2 fields instead of 4 (or 3)")) {
            try QrelsReader.parse("1 0 d1 1\n1 d2\n", path: "r")
        }
    }

    @Test("run files: qid Q0 docid rank score tag, scores that read back exactly")
    func runFile() {
        let runs = [RankedQuery(qid: "3", hits: [RankedHit(id: "b", score: 0.1 + 0.2), RankedHit(id: "a", score: 7)])]
        let text = TRECRunWriter.text(runs, tag: "my run")
        #expect(text == "3 Q0 a 1 7.0 my_run\n3 Q0 b 2 0.30000000000000004 my_run\n")
    }
}
