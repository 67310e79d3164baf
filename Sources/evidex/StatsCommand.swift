import ArgumentParser
import Evidex
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show the index's size and contents.")

    @OptionGroup var indexOptions: IndexOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Also print the bytes of each segment section, summed over segments.") var sections = false

    func run() throws {
        let s: IndexSnapshot
        do { s = try IndexSnapshot(directory: indexOptions.directory) } catch { throw fail(String(describing: error)) }
        let stats = IndexStats(snapshot: s, sections: sections)
        if json {
            JSONOutput.print(stats, pretty: true)
        } else {
            print("documents  \(stats.documents) (\(stats.deleted) deleted, awaiting merge)")
            print("terms      \(stats.terms) (summed over segments)")
            print("segments   \(stats.segments)")
            print("bytes      \(stats.bytes) (\(String(format: "%.1f", Double(stats.bytes) / 1e6)) MB)")
            print("commit     \(stats.generation), format version \(stats.format)")
            print("avg length " + IndexField.textFields.map { "\($0.name) \(stats.averageLengths[$0.name] ?? 0)" }.joined(separator: ", "))
            if !stats.roots.isEmpty { print("roots      " + stats.roots.joined(separator: ", ")) }
            if sections {
                let sizes = s.sectionSizes
                let total = sizes.reduce(0) { $0 + $1.bytes }
                let store = sizes.filter { $0.name == "storeIndex" || $0.name == "storeData" }.reduce(0) { $0 + $1.bytes }
                print("sections   (bytes summed over segments)")
                for (name, bytes) in sizes.sorted(by: { $0.bytes > $1.bytes }) {
                    print("  " + name.padding(toLength: 18, withPad: " ", startingAt: 0)
                        + String(format: "%12d  %8.2f MB", bytes, Double(bytes) / 1e6))
                }
                print("  " + "all".padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%12d  %8.2f MB", total, Double(total) / 1e6))
                print("  " + "all but the store".padding(toLength: 18, withPad: " ", startingAt: 0)
                    + String(format: "%12d  %8.2f MB", total - store, Double(total - store) / 1e6))
            }
        }
    }
}
