import Evidex
import Foundation
import Testing

@Suite("Path lists (--files-from)")
struct PathListTests {
    @Test("one path a line; blank lines, surrounding spaces and Windows line ends dropped")
    func parse() {
        #expect(PathList.parse("a.txt\n\n  news/b.md \r\nc d.txt\n") == ["a.txt", "news/b.md", "c d.txt"])
        #expect(PathList.parse("\n \n").isEmpty)
    }

    @Test("a list file is read; a missing one is a clear error naming it")
    func read() throws {
        let scratch = ScratchIndex()
        try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
        let list = scratch.path + "/list.txt"
        try "x.txt\ny.txt\n".write(toFile: list, atomically: true, encoding: .utf8)
        #expect(try PathList.read(list) == ["x.txt", "y.txt"])
        #expect(try PathList.paths(["a"], filesFrom: list) == ["a", "x.txt", "y.txt"])
        #expect(try PathList.paths(["a"], filesFrom: nil) == ["a"])
        do {
            _ = try PathList.read(scratch.path + "/missing.txt")
            Issue.record("a missing list was read")
        } catch {
            #expect(error.description.contains("missing.txt") && error.description.contains("no such file"))
        }
    }
}
