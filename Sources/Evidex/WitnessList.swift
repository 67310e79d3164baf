import EvidexDocuments
import EvidexQuotes
import Foundation

/// Who may speak in a transcript, read once per document: its witness list ("Dr Felicity
/// Harcourt, Director of Workforce Policy, NHS Providers; …"), headings and committee members,
/// indexed by word so that each speaker's surname is one lookup. Splitting and trimming every
/// heading again for each speaker (through Foundation) was 3% of indexing a hearing day.
struct WitnessList {
    private let annotator: TextAnnotator
    private let committee: String?
    /// Witness-list entries, then headings, in that order.
    private let entries: [String]
    /// Each word (punctuation trimmed) of the entries: the first entry that holds it.
    private var firstEntry: [Substring: Int] = [:]
    /// The committee members' words (punctuation trimmed).
    private var memberWords: Set<Substring> = []

    init(_ doc: Document, annotator: TextAnnotator) {
        self.annotator = annotator
        committee = doc.source.flatMap { annotator.annotate($0).organisations.first?.name }
        var entries: [String] = []
        if let panel = doc.metadata["panel"] {
            entries += panel.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        }
        entries += doc.headings
        self.entries = entries
        for (i, e) in entries.enumerated() {
            for w in e.split(separator: " ") {
                let t = Self.trimmingPunctuation(w)
                if firstEntry[t] == nil { firstEntry[t] = i }
            }
        }
        if let members = doc.metadata["members"] {
            for m in members.split(separator: ";") {
                for w in m.split(separator: " ") { memberWords.insert(Self.trimmingPunctuation(w)) }
            }
        }
    }

    /// A speaker's role and organisation from the witness list or headings; the chair and the
    /// members of a committee speak for the committee.
    func describe(_ speaker: String) -> (role: String?, organisation: String?) {
        let lower = speaker.lowercased()
        if lower == "chair" || lower == "chairman" || lower == "chairwoman" || lower == "convener" {
            return ("Chair", committee)
        }
        guard let surname = speaker.split(separator: " ").last, surname.count > 1 else { return (nil, nil) }
        if let i = firstEntry[surname] {
            let e = entries[i]
            let parts = e.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let organisation = annotator.annotate(e).organisations.last?.name
            // "Name, role…, organisation": the middle parts are the role.
            let role = parts.count >= 3 ? parts[1..<(parts.count - 1)].joined(separator: ", ")
                : (parts.count == 2 && organisation == nil ? parts[1] : nil)
            return (role, organisation)
        }
        if memberWords.contains(surname) { return ("Member", committee) }
        return (nil, nil)
    }

    /// `word` without leading and trailing punctuation (Unicode general category P), as
    /// `trimmingCharacters(in: .punctuationCharacters)` gives it.
    static func trimmingPunctuation(_ word: Substring) -> Substring {
        func isPunctuation(_ c: Character) -> Bool {
            c.unicodeScalars.allSatisfy { s in
                switch s.properties.generalCategory {
                case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                     .initialPunctuation, .finalPunctuation, .otherPunctuation: true
                default: false
                }
            }
        }
        var w = word
        while let f = w.first, isPunctuation(f) { w = w.dropFirst() }
        while let l = w.last, isPunctuation(l) { w = w.dropLast() }
        return w
    }

    /// The last words of the documents' headings that are names (a few capitalised words:
    /// "Professor Susan Hopkins"), where transcripts name their witnesses; not those of other
    /// headings ("Questions From Lead Counsel to the Inquiry").
    static func surnames(_ docs: [Document]) -> Set<Substring> {
        var surnames = Set<Substring>()
        for d in docs {
            for h in d.headings {
                let words = h.split(separator: " ")
                // "Questions From Mr Weatherby KC" names a questioner
                guard (2...6).contains(words.count), words.allSatisfy({ $0.first?.isUppercase ?? false }),
                      !words.contains(where: { $0 == "Questions" || $0 == "From" || $0 == "By" }),
                      let last = words.last, last != "KC", last != "QC" else { continue }
                surnames.insert(last)
            }
        }
        return surnames
    }
}
