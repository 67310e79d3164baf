import EvidexDocuments
import EvidexIndex
import EvidexText

/// Picks the passages of a document that best show why it matched and marks the matches.
/// A phrase is highlighted as one span from its first word to its last.
struct SnippetBuilder {
    let analyzer: Analyzer
    let terms: HighlightTerms
    let maxSnippets: Int
    /// Longest snippet in characters; longer paragraphs are cut around their first match.
    static let window = 240

    func snippets(for doc: Document) -> [Snippet] {
        guard maxSnippets > 0 else { return [] }
        let entries = doc.bodyStreamEntries
        var scored: [(score: Int, order: Int, spans: [Range<Int>])] = []
        for (i, entry) in entries.enumerated() {
            let spans = matchSpans(entry.text)
            if spans.isEmpty { continue }
            let utf8 = Array(entry.text.utf8)
            let distinct = Set(spans.map { utf8[$0.lowerBound..<$0.upperBound] }).count
            scored.append((distinct * 10 + spans.count, i, spans))
        }
        if scored.isEmpty {
            // Matched only in the title or metadata: show the opening paragraph.
            guard let first = entries.first(where: { !$0.text.isEmpty }) else { return [] }
            return [cut(first.text, spans: [], speaker: first.speaker)]
        }
        // only the passages shown are cut
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
            .prefix(maxSnippets).map { cut(entries[$0.order].text, spans: $0.spans, speaker: entries[$0.order].speaker) }
    }

    /// UTF-8 ranges of matches, merged and sorted.
    func matchSpans(_ text: String) -> [Range<Int>] {
        if terms.isEmpty { return [] }
        let tokens = analyzer.tokens(text)
        var spans: [Range<Int>] = []
        for t in tokens where terms.stems.contains(t.stem) || terms.exact.contains(t.exact) {
            spans.append(t.utf8Range)
        }
        for p in terms.phrases where !p.isEmpty && tokens.count >= p.count {
            var i = 0
            while i + p.count <= tokens.count {
                var ok = true
                for j in 0..<p.count where tokens[i + j].exact != p[j] {
                    ok = false
                    break
                }
                if ok {
                    spans.append(tokens[i].utf8Range.lowerBound..<tokens[i + p.count - 1].utf8Range.upperBound)
                    i += p.count
                } else {
                    i += 1
                }
            }
        }
        spans.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for s in spans {
            if let last = merged.last, s.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, s.upperBound)
            } else {
                merged.append(s)
            }
        }
        return merged
    }

    /// Code-point offset of every UTF-8 offset that starts a scalar (and of the end).
    static func scalarOffsets(_ text: String) -> [Int] {
        var map = [Int](repeating: 0, count: text.utf8.count + 1)
        var u = 0
        var c = 0
        for s in text.unicodeScalars {
            let n = UTF8.width(s)
            for k in 0..<n { map[u + k] = c }
            u += n
            c += 1
        }
        map[u] = c
        return map
    }

    private func cut(_ text: String, spans: [Range<Int>], speaker: String?) -> Snippet {
        let scalars = Array(text.unicodeScalars)
        let map = SnippetBuilder.scalarOffsets(text)
        var hl = spans.map { (map[$0.lowerBound], map[$0.upperBound]) }
        var start = 0
        var end = scalars.count
        if scalars.count > SnippetBuilder.window {
            let anchor = hl.first?.0 ?? 0
            start = max(0, anchor - SnippetBuilder.window / 4)
            // Start at a word boundary.
            if start > 0 {
                var s = start
                while s < anchor && !scalars[s - 1].properties.isWhitespace { s += 1 }
                start = s
            }
            end = min(scalars.count, start + SnippetBuilder.window)
            if end < scalars.count {
                var e = end
                while e > start + SnippetBuilder.window / 2 && !scalars[e].properties.isWhitespace { e -= 1 }
                end = e
            }
            // Keep a highlight that straddles the end whole.
            for h in hl where h.0 < end && h.1 > end { end = h.1 }
        }
        let prefix = start > 0 ? "…" : ""
        let suffix = end < scalars.count ? "…" : ""
        // the text's own bytes from scalar `start` to `end` (appending the scalars one by one
        // cost thousands of instructions each)
        let view = text.unicodeScalars
        let from = view.index(view.startIndex, offsetBy: start)
        let to = view.index(from, offsetBy: end - start)
        let out = prefix + String(Substring(view[from..<to])) + suffix
        let shift = prefix.unicodeScalars.count - start
        hl = hl.filter { $0.0 >= start && $0.1 <= end }.map { ($0.0 + shift, $0.1 + shift) }
        return Snippet(field: "body", text: out, highlights: hl.map { [$0.0, $0.1] }, speaker: speaker)
    }
}
