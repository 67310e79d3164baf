import ArgumentParser
import Evidex
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every file's checksum and the structure of every segment.",
        discussion: "With --sources, also read every document whose text the index takes from its source file (--store source) and list those whose file changed or went since indexing.")

    @OptionGroup var indexOptions: IndexOptions

    @Flag(help: "Also read back every document kept as a reference to its source file.")
    var sources = false

    func run() throws {
        do {
            let s = try IndexSnapshot(directory: indexOptions.directory, verify: true)
            print("ok: \(s.segments.count) segments, \(s.liveDocCount) documents, \(s.termCount) terms, checksums and postings verified")
            guard sources else { return }
            let (checked, problems) = try s.sourceProblems()
            if problems.isEmpty {
                print("ok: \(checked) documents read back from their source files as indexed")
                return
            }
            for p in problems.prefix(50) { Terminal.error("evidex: \(p)") }
            if problems.count > 50 { Terminal.error("evidex: … and \(problems.count - 50) more") }
            throw fail("\(problems.count) of \(checked) documents kept as references no longer read back from their source files; run `evidex index` on them again")
        } catch let e as ExitCode {
            throw e
        } catch {
            throw fail(String(describing: error))
        }
    }
}
