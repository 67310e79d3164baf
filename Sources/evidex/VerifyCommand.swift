import ArgumentParser
import Evidex
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every file's checksum and the structure of every segment.")

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        do {
            let s = try IndexSnapshot(directory: indexOptions.directory, verify: true)
            print("ok: \(s.segments.count) segments, \(s.liveDocCount) documents, \(s.termCount) terms, checksums and postings verified")
        } catch {
            throw fail(String(describing: error))
        }
    }
}
