import ArgumentParser
import Evidex
import Foundation

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete documents by id.")

    @OptionGroup var indexOptions: IndexOptions
    @Argument(help: "Document ids.") var ids: [String]

    func run() throws {
        var missing: [String] = []
        do {
            guard IndexDirectory.exists(indexOptions.directory) else { throw IndexError.notFound(path: indexOptions.directory) }
            let writer = try IndexWriter(directory: indexOptions.directory)
            for id in ids where !writer.delete(id: id) { missing.append(id) }
            let c = try writer.commit()
            print("Deleted \(c.deletedDocuments) document(s); commit \(c.generation)")
        } catch {
            throw fail(String(describing: error))
        }
        if !missing.isEmpty {
            throw fail("no document with id " + missing.joined(separator: ", "), code: ExitStatus.notFound)
        }
    }
}
