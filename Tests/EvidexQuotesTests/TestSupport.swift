import Foundation
@testable import EvidexQuotes

/// Helpers shared by the tests: extraction of a short text and lookup by quoted words.
enum TestSupport {
    static func quotes(_ text: String, organisations: (any OrganisationResolving)? = nil) -> [Quote] {
        QuoteExtractor(organisations: organisations).extract(from: text)
    }

    static func quote(_ prefix: String, in quotes: [Quote]) -> Quote? {
        quotes.first { $0.text.hasPrefix(prefix) }
    }

    /// The text of a code-point range, so assertions can name what a span covers.
    static func slice(_ text: String, _ r: Range<Int>?) -> String? {
        guard let r else { return nil }
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[r]))
    }
}

/// The seed article lives in the shared data folder beside an ancestor of the package
/// (`/work/shared` for both `/work/helpers/quotes` and `/work/main`).
enum SeedArticle {
    static let relativePath = "shared/seeds/ics-discrimination-2021-06-08.txt"

    static let url: URL? = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    static let text: String? = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) }
}

/// A stand-in for the organisation linker.
struct FixedOrganisations: OrganisationResolving {
    let names: [String: String]
    func canonicalOrganisation(for phrase: String) -> String? {
        names[phrase.replacingOccurrences(of: "’", with: "'")]
    }
}
