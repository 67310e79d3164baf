/// One query of a test collection: its id (as the qrels name it) and its free text.
public struct EvalQuery: Sendable, Hashable {
    public let qid: String
    public let text: String

    public init(qid: String, text: String) {
        self.qid = qid
        self.text = text
    }
}
