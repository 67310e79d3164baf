import EvidexIndex

/// Per-field constants of BM25F for one query.
struct FieldScoring {
    let field: IndexField
    let weight: Double
    let averageLength: Double
    let b: Double

    @inline(__always)
    func normalizer(_ length: UInt32) -> Double {
        1 - b + b * Double(length) / averageLength
    }
}

/// BM25F over several frequency sources (a word's posting lists in each field and namespace,
/// or a phrase's matches per field):
///   tf̃ = Σ_f w_f · tf_f / (1 − b + b · len_f / avglen_f),   score = boost · idf · (k1 + 1) · tf̃ / (k1 + tf̃)
/// Sources of the same field add their frequencies (exact and stem lists are disjoint).
/// Generic over the source type so that the hot loops call a concrete type (posting lists
/// for words, phrase matchers for phrases) rather than an existential.
final class BM25FScorer<Source: FreqSource>: Scorer {
    private let sources: ContiguousArray<Source>
    private let slot: [Int]
    private let fields: [FieldScoring]
    private let idf: Double
    private let k1: Double
    private let boost: Double
    private let reader: SegmentReader
    /// Per source: weight / normaliser of its field, per document.
    private let invNorms: [UnsafeBufferPointer<Double>]
    private let weights: [Double]
    private let label: String
    private var tf: [Double]
    private let upperBound: Double

    init(sources: [(Source, Int)], fields: [FieldScoring], idf: Double, k1: Double, boost: Double,
         reader: SegmentReader, norms: NormCache, label: String) {
        self.invNorms = sources.map { norms.table(reader, fields[$0.1]) }
        self.weights = sources.map { fields[$0.1].weight }
        self.sources = ContiguousArray(sources.map(\.0))
        self.slot = sources.map(\.1)
        self.fields = fields
        self.idf = idf
        self.k1 = k1
        self.boost = boost
        self.reader = reader
        self.label = label
        self.tf = [Double](repeating: 0, count: fields.count)
        var tfMax = 0.0
        for (s, f) in sources {
            let field = fields[f]
            tfMax += s.maxImpact { freq, len in field.weight * Double(freq) / field.normalizer(len) }
        }
        upperBound = boost * idf * (k1 + 1) * tfMax / (k1 + tfMax)
        super.init()
        doc = minDoc()
    }

    @inline(__always)
    private func minDoc() -> UInt32 {
        var m = PostingsCursor.exhausted
        for i in sources.indices {
            let d = sources[i].doc
            if d < m { m = d }
        }
        return m
    }

    override func next() {
        let d = doc
        for i in sources.indices where sources[i].doc == d { sources[i].next() }
        doc = minDoc()
    }

    override func advance(to target: UInt32) {
        if doc >= target { return }
        for i in sources.indices where sources[i].doc < target { sources[i].advance(to: target) }
        doc = minDoc()
    }

    private func saturate(_ t: Double) -> Double {
        boost * idf * (k1 + 1) * t / (k1 + t)
    }

    override func score() -> Double {
        let d = doc
        var t = 0.0
        for i in 0..<sources.count {
            let s = sources[i]
            if s.doc == d { t += weights[i] * Double(s.freq) * invNorms[i][Int(d)] }
        }
        return saturate(t)
    }

    override var maxScore: Double { upperBound }

    override func blockMax(from target: UInt32) -> (upTo: UInt32, bound: Double) {
        var upTo = PostingsCursor.exhausted
        var t = 0.0
        for (i, s) in sources.enumerated() {
            if s.doc == PostingsCursor.exhausted { continue }
            let f = fields[slot[i]]
            let b = s.maxImpact(from: target) { freq, len in f.weight * Double(freq) / f.normalizer(len) }
            upTo = min(upTo, b.lastDoc)
            t += b.value
        }
        return (upTo, saturate(t))
    }

    override func explain() -> Explanation {
        let d = doc
        for i in tf.indices { tf[i] = 0 }
        for (i, s) in sources.enumerated() where s.doc == d { tf[slot[i]] += Double(s.freq) }
        var details: [Explanation] = []
        var t = 0.0
        for (i, f) in fields.enumerated() where tf[i] > 0 {
            let len = reader.fieldLength(f.field, d)
            let norm = f.normalizer(len)
            let part = f.weight * tf[i] / norm
            t += part
            details.append(Explanation(
                value: part,
                description: "\(f.field.name): tf=\(fmt(tf[i])) weight=\(fmt(f.weight)) length=\(len) avg=\(fmt(f.averageLength)) → w·tf/(1−b+b·len/avg)"))
        }
        details.append(Explanation(value: idf, description: "idf"))
        return Explanation(
            value: saturate(t),
            description: "\(label): boost=\(fmt(boost)) · idf · (k1+1) · tf̃/(k1+tf̃), tf̃=\(fmt(t)), k1=\(fmt(k1))",
            details: details)
    }
}

func fmt(_ v: Double) -> String {
    String(format: "%.4g", v)
}

import Foundation
