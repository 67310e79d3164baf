import ArgumentParser
import Evidex
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show the index's size and contents.")

    @OptionGroup var indexOptions: IndexOptions
    @Flag(help: "Print JSON.") var json = false

    struct Stats: Encodable {
        var documents: Int
        var deleted: Int
        var terms: Int
        var segments: Int
        var bytes: Int
        var generation: UInt64
        var format: UInt32
        var averageLengths: [String: Double]
        var roots: [String]
    }

    func run() throws {
        let s: IndexSnapshot
        do { s = try IndexSnapshot(directory: indexOptions.directory) } catch { throw fail(String(describing: error)) }
        var avg: [String: Double] = [:]
        for f in IndexField.textFields { avg[f.name] = (s.averageLength(f) * 100).rounded() / 100 }
        let stats = Stats(
            documents: s.liveDocCount, deleted: s.maxDocCount - s.liveDocCount, terms: s.termCount,
            segments: s.segments.count, bytes: s.byteSize, generation: s.manifest.generation,
            format: s.manifest.format, averageLengths: avg, roots: s.manifest.roots)
        if json {
            JSONOutput.print(stats, pretty: true)
        } else {
            print("documents  \(stats.documents) (\(stats.deleted) deleted, awaiting merge)")
            print("terms      \(stats.terms) (summed over segments)")
            print("segments   \(stats.segments)")
            print("bytes      \(stats.bytes) (\(String(format: "%.1f", Double(stats.bytes) / 1e6)) MB)")
            print("commit     \(stats.generation), format version \(stats.format)")
            print("avg length " + IndexField.textFields.map { "\($0.name) \(avg[$0.name]!)" }.joined(separator: ", "))
            if !stats.roots.isEmpty { print("roots      " + stats.roots.joined(separator: ", ")) }
        }
    }
}
