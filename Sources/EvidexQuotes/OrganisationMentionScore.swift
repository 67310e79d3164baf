/// Mention-level agreement between a linker's output and hand annotations: a predicted
/// mention is correct when its span overlaps a gold span and the canonical names agree
/// (ignoring case, apostrophes, "&" vs "and" and a leading "the"). Matching is one-to-one.
public struct OrganisationMentionScore: Sendable, Equatable {
    public var gold = 0
    public var predicted = 0
    public var correct = 0

    public init() {}

    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Adds one annotated region; returns the indices of unmatched gold and predicted mentions.
    @discardableResult
    public mutating func add(
        gold golds: [(range: Range<Int>, name: String)], predicted preds: [OrganisationMention]
    ) -> (missed: [Int], spurious: [Int]) {
        gold += golds.count
        predicted += preds.count
        var used = Set<Int>()
        var missed: [Int] = []
        for (g, item) in golds.enumerated() {
            let key = Self.nameKey(item.name)
            if let k = preds.indices.first(where: {
                !used.contains($0) && preds[$0].range.overlaps(item.range) && Self.nameKey(preds[$0].name) == key
            }) {
                used.insert(k)
                correct += 1
            } else {
                missed.append(g)
            }
        }
        return (missed, preds.indices.filter { !used.contains($0) })
    }

    public static func nameKey(_ name: String) -> String {
        OrganisationGazetteer.nameKeys(name).joined(separator: " ")
    }
}
