import EvidexDocuments
@testable import EvidexIndex
import Foundation
import Testing

@Suite("Index writer and snapshots")
struct IndexWriterTests {
    func write(_ docs: [Document], to dir: String, paths: [String]? = nil) throws -> CommitResult {
        let w = try IndexWriter(directory: dir, options: IndexWriterOptions(threads: 1))
        let worker = try w.makeWorker()
        for (i, d) in docs.enumerated() { try worker.add(d, path: paths?[i] ?? "") }
        try worker.finish()
        return try w.commit()
    }

    let docs = [
        makeDocument("a", title: "Nurses warn of burnout", body: ["Staff are running on empty.", "The report said burnout was widespread."], date: "2021-06-08", source: "Nursing Times"),
        makeDocument("b", title: "Ambulance delays", body: ["Handover delays reached record levels."], date: "2023-01-10", source: "HSJ"),
        makeDocument("c", title: "Inquiry hearing", body: ["I think the plan was sound.", "We ran out of gowns."], date: "2024-11-14", kind: .evidence, speaker: "Dr Catherine Penhaligon"),
    ]

    @Test("documents, columns and terms survive a commit and reopen")
    func roundTrip() throws {
        let dir = TemporaryDirectory()
        let c = try write(docs, to: dir.path, paths: ["x/a.txt", "b.txt", "c.rst"])
        #expect(c.addedDocuments == 3)
        let s = try IndexSnapshot(directory: dir.path)
        #expect(s.liveDocCount == 3)
        for d in docs { #expect(try s.document(id: d.id) == d) }
        #expect(try s.document(id: "zzz") == nil)
        // "running" is indexed in the word group of the stem "run", whose form table lists it;
        // a form entry names its stem.
        let run = TermKey(field: .body, namespace: .group, term: "run")
        #expect(s.docFreq(run) == 1)
        #expect(s.docFreq(TermKey(field: .body, namespace: .group, term: "running")) == 0)
        let r0 = s.segments[0].reader
        let runInfo = try #require(r0.termInfo(run))
        #expect(r0.forms(ofGroup: runInfo, stem: "run") == ["running"])
        #expect(r0.form("running", ofGroup: runInfo, stem: "run")?.ordinal == 0)
        #expect(r0.form("running", ofGroup: runInfo, stem: "run")?.docFreq == 1)
        #expect(r0.form("run", ofGroup: runInfo, stem: "run") == nil)
        let formInfo = try #require(r0.termInfo(TermKey(field: .body, namespace: .form, term: "running")))
        #expect(r0.stem(ofForm: formInfo, form: "running") == "run")
        #expect(s.docFreq(TermKey(field: .speaker, namespace: .group, term: "penhaligon")) == 1)
        let (seg, doc) = try #require(s.locate(id: "b"))
        let r = s.segments[seg].reader
        #expect(r.dateOrdinal(doc) == Day(iso: "2023-01-10")!.ordinal)
        #expect(r.sourceName(ordinal: r.sourceOrdinal(doc)) == "HSJ")
        #expect(r.kind(doc) == .news)
        #expect(r.path(doc) == "b.txt")
        #expect(r.id(of: doc) == "b")
        #expect(r.fieldLength(.body, doc) == 5)
        try s.segments.forEach { try $0.reader.verify() }
    }

    @Test("adding a document with an existing id replaces it; delete removes it")
    func updatesAndDeletes() throws {
        let dir = TemporaryDirectory()
        _ = try write(docs, to: dir.path)
        var changed = docs[1]
        changed.title = "Ambulance handover delays ease"
        let c = try write([changed], to: dir.path)
        #expect(c.replacedDocuments == 1)
        var s = try IndexSnapshot(directory: dir.path)
        #expect(s.liveDocCount == 3)
        #expect(try s.document(id: "b")?.title == "Ambulance handover delays ease")

        let w = try IndexWriter(directory: dir.path)
        #expect(w.delete(id: "a"))
        #expect(!w.delete(id: "nope"))
        let d = try w.commit()
        #expect(d.deletedDocuments == 1)
        s = try IndexSnapshot(directory: dir.path)
        #expect(s.liveDocCount == 2)
        #expect(try s.document(id: "a") == nil)

        // Merging purges deleted documents and keeps the rest.
        #expect(try w.merge(maxSegments: 1) >= 1)
        s = try IndexSnapshot(directory: dir.path)
        #expect(s.segments.count == 1)
        #expect(s.maxDocCount == 2)
        #expect(try s.document(id: "b")?.title == "Ambulance handover delays ease")
        #expect(try s.document(id: "c") == docs[2])
        try s.segments[0].reader.verify()
    }

    @Test("the same id twice in one batch keeps the later one")
    func duplicateInBatch() throws {
        let dir = TemporaryDirectory()
        var second = docs[0]
        second.title = "Second version"
        _ = try write([docs[0], second], to: dir.path)
        let s = try IndexSnapshot(directory: dir.path)
        #expect(s.liveDocCount == 1)
        #expect(try s.document(id: "a")?.title == "Second version")
    }

    @Test("merging keeps every posting: merged index answers term lookups like the parts did")
    func mergeKeepsPostings() throws {
        let dir = TemporaryDirectory()
        for d in docs { _ = try write([d], to: dir.path) }
        let before = try IndexSnapshot(directory: dir.path)
        #expect(before.segments.count == 3)
        let keys = [
            TermKey(field: .body, namespace: .group, term: "the"),
            TermKey(field: .title, namespace: .group, term: "burnout"),
            TermKey(field: .body, namespace: .group, term: "delay"),
        ]
        let counts = keys.map { before.docFreq($0) }
        let w = try IndexWriter(directory: dir.path)
        _ = try w.merge(maxSegments: 1)
        let after = try IndexSnapshot(directory: dir.path)
        #expect(after.segments.count == 1)
        #expect(keys.map { after.docFreq($0) } == counts)
        for d in docs { #expect(try after.document(id: d.id) == d) }
    }

    @Test("small segments of similar size merge into one; a small update is not merged into a large segment")
    func smallSegmentPolicy() throws {
        let mb = 1 << 20
        func plan(_ sizes: [Int], floor: Int = 256) -> [Int] {
            IndexWriter.smallSegments(sizes.map { $0 * mb }, bytes: { $0 }, floor: floor * mb).map { $0 / mb }.sorted()
        }
        #expect(plan([40, 28, 40]) == [28, 40, 40])          // a fresh build's segments
        #expect(plan([106, 1]) == [])                         // an update beside a large segment
        #expect(plan([106, 1, 1, 2]) == [1, 1, 2])            // updates merge among themselves
        #expect(plan([100, 100, 100]) == [100, 100])          // up to the floor
        #expect(plan([300, 300]) == [])                       // large segments stay
        #expect(plan([5]) == [])
        // a build's last, nearly empty segment does not hold the others back (two threads)
        #expect(IndexWriter.smallSegments([11_000, 4_450_000] + Array(repeating: 18_500_000, count: 6), bytes: { $0 }, floor: 256 * mb).count == 8)
        #expect(IndexWriter.smallSegments([11_000, 106 * mb], bytes: { $0 }, floor: 256 * mb).isEmpty)

        // Through the writer: three small commits end as one segment after a merge.
        let dir = TemporaryDirectory()
        for d in docs { _ = try write([d], to: dir.path) }
        let w = try IndexWriter(directory: dir.path)
        #expect(try w.merge() == 3)
        #expect(try IndexSnapshot(directory: dir.path).segments.count == 1)
        #expect(try w.merge() == 0)
    }

    #if os(Linux)
    @Test("the allocator controls the memory budget relies on are compiled in on Linux")
    func allocatorControls() {
        #expect(IndexWriter.controlsAllocator)
    }
    #endif

    @Test("a second writer gets a clear lock error")
    func lock() throws {
        let dir = TemporaryDirectory()
        let w = try IndexWriter(directory: dir.path)
        #expect(throws: IndexError.self) { _ = try IndexWriter(directory: dir.path) }
        do {
            _ = try IndexWriter(directory: dir.path)
        } catch {
            #expect(error.description.contains("being written by another process"))
        }
        _ = w
    }

    @Test("prune deletes documents whose files are gone")
    func prune() throws {
        let dir = TemporaryDirectory()
        _ = try write(docs, to: dir.path, paths: ["a.txt", "b.txt", "c.rst"])
        let w = try IndexWriter(directory: dir.path)
        #expect(w.deleteDocuments(whosePathIsNotIn: ["a.txt", "c.rst"]) == 1)
        try w.commit()
        let s = try IndexSnapshot(directory: dir.path)
        #expect(try s.document(id: "b") == nil)
        #expect(s.liveDocCount == 2)
    }

    @Test("verify detects a damaged segment")
    func checksum() throws {
        let dir = TemporaryDirectory()
        _ = try write(docs, to: dir.path)
        let seg = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".evx") })
        let path = dir.path + "/" + seg
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexError.self) { _ = try IndexSnapshot(directory: dir.path, verify: true) }
    }
}

@Suite("Format versions")
struct FormatVersionTests {
    @Test("an index of another format version gives a clear error, and can be destroyed and rebuilt")
    func otherVersion() throws {
        let dir = TemporaryDirectory()
        do {
            let w = try IndexWriter(directory: dir.path)
            let worker = try w.makeWorker()
            try worker.add(makeDocument("a", title: "T", body: ["Text."]))
            try worker.finish()
            try w.commit()
        }
        let path = dir.path + "/MANIFEST"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 12] = 1  // the footer's version field
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexError.unsupportedVersion(file: "MANIFEST", found: 1, supported: IndexFormat.version)) {
            _ = try IndexSnapshot(directory: dir.path)
        }
        do {
            _ = try IndexSnapshot(directory: dir.path)
        } catch {
            #expect(error.description.contains("evidex index --rebuild"))
        }
        try IndexWriter.destroyIndex(at: dir.path)
        let w = try IndexWriter(directory: dir.path)
        let worker = try w.makeWorker()
        try worker.add(makeDocument("b", title: "T", body: ["Text."]))
        try worker.finish()
        try w.commit()
        #expect(try IndexSnapshot(directory: dir.path).liveDocCount == 1)
    }
}

@Suite("Merging in two key ranges")
struct ParallelMergeTests {
    /// Paragraphs of the shipped sample corpus, one document each: real sentences with
    /// inflected words, so both namespaces have many keys.
    static func corpusParagraphs() throws -> [Document] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus").path
        var texts: [String] = []
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.sorted() ?? []
        for f in files where f.hasSuffix(".txt") || f.hasSuffix(".md") || f.hasSuffix(".jsonl") || f.hasSuffix(".rst") {
            let text = try String(contentsOfFile: root + "/" + f, encoding: .utf8)
            texts += text.split(separator: "\n").map(String.init).filter { $0.count > 40 }
        }
        return texts.enumerated().map { i, t in makeDocument("p\(i)", title: String(t.prefix(30)), body: [t]) }
    }

    @Test("two ranges give the same segment, byte for byte, as one; each word keeps its postings in its group")
    func sameBytes() throws {
        let docs = try Self.corpusParagraphs()
        #expect(docs.count > 150, "the sample corpus should give a couple of hundred paragraphs")
        let dir = TemporaryDirectory()
        // Four segments, then deletions in two of them.
        let quarter = docs.count / 4
        for s in 0..<4 {
            let w = try IndexWriter(directory: dir.path, options: IndexWriterOptions(threads: 1))
            let worker = try w.makeWorker()
            for d in docs[(s * quarter)..<(s == 3 ? docs.count : (s + 1) * quarter)] { try worker.add(d, path: "") }
            try worker.finish()
            _ = try w.commit()
        }
        let w = try IndexWriter(directory: dir.path, options: IndexWriterOptions(threads: 1))
        for i in stride(from: 3, to: 2 * quarter, by: 7) { #expect(w.delete(id: "p\(i)")) }
        _ = try w.commit()
        let snapshot = try IndexSnapshot(directory: dir.path)
        #expect(snapshot.segments.count == 4)
        #expect(SegmentMerger.splitKey(snapshot.segments) != nil, "the test must exercise the two-range merge")

        let one = dir.path + "/one.evx"
        let two = dir.path + "/two.evx"
        try SegmentMerger.merge(snapshot.segments, to: one, threads: 1)
        try SegmentMerger.merge(snapshot.segments, to: two, threads: 2)
        let a = try Data(contentsOf: URL(fileURLWithPath: one))
        let b = try Data(contentsOf: URL(fileURLWithPath: two))
        #expect(a == b)

        // Each group's list holds, for each of its words, the documents and positions that
        // word has in the inputs (read there through the word's own ordinal).
        let merged = try SegmentReader(path: two, name: "two.evx")
        try merged.verify()
        #expect(merged.docCount == snapshot.liveDocCount)
        func occurrences(_ r: SegmentReader, _ key: TermKey, _ info: TermInfo, _ form: String, remap: (UInt32) -> UInt32?) -> [UInt64] {
            guard let ordinal = r.form(form, ofGroup: info, stem: key.term)?.ordinal else { return [] }
            let c = r.postings(info)
            c.form = ordinal
            var out: [UInt64] = []
            var positions: [UInt32] = []
            while c.doc != PostingsCursor.exhausted {
                positions.removeAll()
                c.positions(into: &positions)
                if let d = remap(c.doc) { for p in positions { out.append(UInt64(d) << 32 | UInt64(p)) } }
                c.next()
            }
            return out
        }
        var checked = 0
        merged.dictionary.forEach { _, key, info in
            guard TermDictionaryWriter.namespace(key) == TermNamespace.group.rawValue, info.formCount > 1 else { return }
            let k = TermKey(raw: key)
            for form in merged.forms(ofGroup: info, stem: k.term) {
                var expected: [UInt64] = []
                var base: UInt32 = 0
                for seg in snapshot.segments {
                    // Live documents are numbered on from the previous inputs' in the merge.
                    var map = [UInt32?](repeating: nil, count: seg.reader.docCount)
                    for d in 0..<seg.reader.docCount where !seg.isDeleted(UInt32(d)) {
                        map[d] = base
                        base += 1
                    }
                    if let i = seg.reader.termInfo(k) { expected += occurrences(seg.reader, k, i, form) { map[Int($0)] } }
                }
                let got = occurrences(merged, k, info, form) { $0 }
                #expect(got == expected, "\(form) in group \(k.term)")
                // The table's count of the word's documents is exact after deletions too.
                #expect(merged.form(form, ofGroup: info, stem: k.term)?.docFreq == UInt32(Set(got.map { $0 >> 32 }).count))
            }
            checked += 1
        }
        #expect(checked > 100)
    }
}
