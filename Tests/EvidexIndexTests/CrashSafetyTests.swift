import EvidexDocuments
@testable import EvidexIndex
import Foundation
import Testing

struct SimulatedCrash: Error {}

@Suite("Crash safety of commits")
struct CrashSafetyTests {
    let first = [
        makeDocument("one", title: "First commit", body: ["Integrated care systems became statutory."]),
        makeDocument("two", title: "Also first", body: ["Health Education England merged into NHS England."]),
    ]
    let second = [
        makeDocument("one", title: "Replaced in the second commit", body: ["Changed text."]),
        makeDocument("three", title: "Second commit", body: ["Junior doctors walked out."]),
    ]

    @Test("a commit interrupted at any step leaves the previous commit readable", arguments: CommitStep.allCases)
    func interrupted(at step: CommitStep) throws {
        let dir = TemporaryDirectory()
        do {
            let w = try IndexWriter(directory: dir.path)
            let worker = try w.makeWorker()
            for d in first { try worker.add(d) }
            try worker.finish()
            try w.commit()
        }
        do {
            let w = try IndexWriter(directory: dir.path)
            let worker = try w.makeWorker()
            for d in second { try worker.add(d) }
            try worker.finish()
            _ = w.delete(id: "two")
            w.commitHook = { s throws(IndexError) in
                if s == step { throw .invalidArgument("simulated crash at \(s)") }
            }
            #expect(throws: IndexError.self) { try w.commit() }
            // The writer is dropped here as if the process died (its lock goes with it).
        }
        let s = try IndexSnapshot(directory: dir.path, verify: true)
        let renamed = step == .afterManifestRename || step == .beforeCleanup
        if renamed {
            // The rename happened: the new commit is complete.
            #expect(try s.document(id: "one")?.title == "Replaced in the second commit")
            #expect(try s.document(id: "three") != nil)
            #expect(try s.document(id: "two") == nil)
        } else {
            #expect(try s.document(id: "one")?.title == "First commit")
            #expect(try s.document(id: "two") != nil)
            #expect(try s.document(id: "three") == nil)
            #expect(s.liveDocCount == 2)
        }
        // A new writer cleans up what the crash left and can commit again.
        let w = try IndexWriter(directory: dir.path)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0 != "LOCK" && !s.manifest.fileNames().contains($0) }
        #expect(leftovers.isEmpty, "files left after a writer opened: \(leftovers)")
        let worker = try w.makeWorker()
        try worker.add(makeDocument("four", title: "After recovery", body: ["Recovered."]))
        try worker.finish()
        try w.commit()
        #expect(try IndexSnapshot(directory: dir.path).document(id: "four") != nil)
    }

    @Test("a torn MANIFEST.tmp is ignored")
    func tornTemporaryManifest() throws {
        let dir = TemporaryDirectory()
        do {
            let w = try IndexWriter(directory: dir.path)
            let worker = try w.makeWorker()
            for d in first { try worker.add(d) }
            try worker.finish()
            try w.commit()
        }
        try Data("{\"format\": 1, \"segm".utf8).write(to: URL(fileURLWithPath: dir.path + "/MANIFEST.tmp"))
        #expect(try IndexSnapshot(directory: dir.path).liveDocCount == 2)
        _ = try IndexWriter(directory: dir.path)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/MANIFEST.tmp"))
    }

    @Test("a damaged MANIFEST is reported, not misread")
    func damagedManifest() throws {
        let dir = TemporaryDirectory()
        do {
            let w = try IndexWriter(directory: dir.path)
            let worker = try w.makeWorker()
            try worker.add(first[0])
            try worker.finish()
            try w.commit()
        }
        let path = dir.path + "/MANIFEST"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[5] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexError.checksumMismatch(file: "MANIFEST")) { _ = try IndexSnapshot(directory: dir.path) }
    }
}
