import Evidex
import Foundation

/// Terminal output: colours only on a terminal and without NO_COLOR, errors to stderr.
enum Terminal {
    static let stdoutIsTTY = isatty(1) != 0
    static let stderrIsTTY = isatty(2) != 0
    static let colour = stdoutIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    static func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    static func dim(_ s: String) -> String { colour ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    static func highlight(_ s: String) -> String { colour ? "\u{1B}[1;33m\(s)\u{1B}[0m" : "[\(s)]" }

    /// Marks code-point ranges of `text`.
    static func highlighted(_ text: String, _ spans: [[Int]]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var at = 0
        for s in spans where s.count == 2 && s[0] >= at && s[1] <= scalars.count && s[0] < s[1] {
            out.unicodeScalars.append(contentsOf: scalars[at..<s[0]])
            var m = ""
            m.unicodeScalars.append(contentsOf: scalars[s[0]..<s[1]])
            out += highlight(m)
            at = s[1]
        }
        out.unicodeScalars.append(contentsOf: scalars[at...])
        return out
    }

    /// A progress line on stderr (docs/s, MB/s, ETA), only when stderr is a terminal.
    static func progressPrinter() -> (@Sendable (IndexingProgress) -> Void)? {
        guard stderrIsTTY else { return nil }
        return { p in
            let docsPerS = p.seconds > 0 ? Double(p.documents) / p.seconds : 0
            let mbPerS = p.seconds > 0 ? Double(p.bytesDone) / 1e6 / p.seconds : 0
            let remaining = mbPerS > 0 ? Double(p.bytesTotal - p.bytesDone) / 1e6 / mbPerS : 0
            let line = String(format: "\r%d/%d files  %d docs  %.0f docs/s  %.1f MB/s  ETA %.0f s   ",
                              p.filesDone, p.filesTotal, p.documents, docsPerS, mbPerS, remaining)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    static func clearProgress() {
        if stderrIsTTY { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
