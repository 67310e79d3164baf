import CEvidexZlib
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds input files and turns each into documents. Formats by extension (after `.gz`):
/// `.txt`/`.text` (news text, oral evidence transcript, front matter, or plain: told apart by
/// content), `.md`/`.markdown`, `.html`/`.htm`/`.xhtml`, `.rst` (UK Covid-19 Inquiry
/// transcripts), `.jsonl`/`.ndjson`. Loading never throws: every problem is reported in the
/// result with the file (and line) it concerns.
public struct DocumentLoader: Sendable {
    /// Largest file (or decompressed `.gz` content) loaded, and largest single JSONL line: the
    /// largest document. Analysis and annotation need about 17 times a document's size in
    /// memory, so the default of 8 MB (twice the largest document of the shared corpora) keeps
    /// one document well inside the indexing budget; a 100 MB line is refused, not indexed
    /// with 1.7 GB of memory.
    public var maxFileBytes: Int
    /// Largest JSONL file (or its decompressed content): a collection of many documents.
    public var maxCollectionBytes: Int

    public init(maxFileBytes: Int = 8 << 20, maxCollectionBytes: Int = 32 << 30) {
        self.maxFileBytes = maxFileBytes
        self.maxCollectionBytes = maxCollectionBytes
    }

    // MARK: Discovery

    /// The supported files under the given paths: folders are walked recursively (hidden
    /// files and folders skipped; symbolic links followed once), files are taken as they are.
    /// Within each folder the files are sorted by relative path (byte order); the paths keep
    /// their given order and a file reached twice is listed once. Unsupported files are listed
    /// in `skipped`. Throws `.notFound` for a path that does not exist.
    public func discover(paths: [URL]) throws(DocumentError) -> Discovery {
        var result = Discovery()
        var seen = Set<String>()
        let fm = FileManager.default
        for root in paths {
            let rootPath = root.standardizedFileURL.path
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: rootPath, isDirectory: &isDir) else {
                throw DocumentError(path: root.path, reason: .notFound)
            }
            if !isDir.boolValue {
                let url = URL(fileURLWithPath: rootPath)
                guard seen.insert(Self.canonicalPath(url)).inserted else { continue }
                let name = url.lastPathComponent
                if SourceFormat(fileName: name) != nil {
                    result.files.append(SourceFile(url: url, relativePath: name))
                } else {
                    result.skipped.append(DocumentError(path: url.path, reason: .unsupportedExtension(Self.extensionOf(name))))
                }
                continue
            }
            var found: [SourceFile] = []
            var visitedDirs = Set<String>()
            walk(URL(fileURLWithPath: rootPath, isDirectory: true), prefix: "", into: &found, skipped: &result.skipped, visited: &visitedDirs)
            found.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
            for f in found where seen.insert(Self.canonicalPath(f.url)).inserted { result.files.append(f) }
        }
        return result
    }

    private func walk(_ dir: URL, prefix: String, into files: inout [SourceFile], skipped: inout [DocumentError], visited: inout Set<String>) {
        let fm = FileManager.default
        guard visited.insert(Self.canonicalPath(dir)).inserted else { return }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: dir.path)
        } catch {
            skipped.append(DocumentError(path: dir.path, reason: .unreadable(Self.describe(error))))
            return
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
                skipped.append(DocumentError(path: url.path, reason: .unreadable("a broken symbolic link")))
                continue
            }
            let rel = prefix.isEmpty ? name : prefix + "/" + name
            if isDir.boolValue {
                walk(URL(fileURLWithPath: url.path, isDirectory: true), prefix: rel, into: &files, skipped: &skipped, visited: &visited)
            } else if SourceFormat(fileName: name) != nil {
                files.append(SourceFile(url: url, relativePath: rel))
            } else {
                skipped.append(DocumentError(path: url.path, reason: .unsupportedExtension(Self.extensionOf(name))))
            }
        }
    }

    /// The path with symbolic links resolved, by `realpath(3)`: the same file reached by two
    /// paths gets one. Foundation's `resolvingSymlinksInPath` cost ~30K instructions a file.
    static func canonicalPath(_ url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else { return url.resolvingSymlinksInPath().path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func extensionOf(_ name: String) -> String {
        SourceFormat.innerExtension(of: name) ?? ""
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }

    // MARK: Loading

    /// Loads one file; never throws. Problems (warnings and errors) name the file.
    public func load(_ file: SourceFile) -> LoadResult {
        let path = file.url.path
        guard let format = file.format else {
            return LoadResult(problems: [DocumentError(path: path, reason: .unsupportedExtension(Self.extensionOf(file.url.lastPathComponent)))])
        }
        let limit = format == .jsonLines ? maxCollectionBytes : maxFileBytes
        let read = Self.withFileBytes(path, limit: limit) { bytes -> LoadResult in
            if bytes.isEmpty { return LoadResult(problems: [DocumentError(path: path, reason: .empty)]) }
            if file.isGzipped {
                switch Self.gunzip(bytes, limit: limit) {
                case .failure(let reason): return LoadResult(problems: [DocumentError(path: path, reason: reason)])
                case .success(let inner):
                    if inner.isEmpty { return LoadResult(problems: [DocumentError(path: path, reason: .empty)]) }
                    // Offsets into decompressed bytes cannot be read back from the file.
                    return Self.withoutSpans(inner.withUnsafeBufferPointer { parse($0, format: format, path: path, relativePath: file.relativePath) })
                }
            }
            var result = parse(bytes, format: format, path: path, relativePath: file.relativePath)
            if format != .jsonLines {
                for i in result.documents.indices { result.documents[i].span = SourceSpan(offset: 0, length: bytes.count) }
            }
            return result
        }
        switch read {
        case .success(let result): return result
        case .failure(let reason): return LoadResult(problems: [DocumentError(path: path, reason: reason)])
        }
    }

    /// Loads every file, in order, on the available processors. Problems keep file order.
    public func load(_ files: [SourceFile]) -> LoadResult {
        let n = files.count
        guard n > 1 else { return files.first.map { load($0) } ?? LoadResult() }
        let slots = UnsafeMutableBufferPointer<LoadResult>.allocate(capacity: n)
        slots.initialize(repeating: LoadResult())
        defer { slots.deinitialize(); slots.deallocate() }
        nonisolated(unsafe) let out = slots
        DispatchQueue.concurrentPerform(iterations: n) { i in out[i] = self.load(files[i]) }
        var all = LoadResult()
        for r in slots {
            all.documents.append(contentsOf: r.documents)
            all.problems.append(contentsOf: r.problems)
        }
        return all
    }

    /// The file's text as read, for tools that report offsets into it: gunzipped, decoded as
    /// UTF-8 (a byte-order mark kept as U+FEFF, so offsets count it as the file does) or, when
    /// that fails, as the loader would (UTF-16, Windows-1252). Nil with a problem for binary,
    /// empty, unreadable or oversized files.
    public func readText(_ file: SourceFile) -> (text: String?, problems: [DocumentError]) {
        let path = file.url.path
        let read = Self.withFileBytes(path, limit: maxFileBytes) { bytes -> (String?, [DocumentError]) in
            var content = Array(bytes)
            if file.isGzipped {
                switch Self.gunzip(bytes, limit: maxFileBytes) {
                case .failure(let reason): return (nil, [DocumentError(path: path, reason: reason)])
                case .success(let inner): content = inner
                }
            }
            if content.isEmpty { return (nil, [DocumentError(path: path, reason: .empty)]) }
            return content.withUnsafeBufferPointer { b -> (String?, [DocumentError]) in
                if let s = String(validating: b, as: UTF8.self) { return (s, []) }
                switch TextDecoding.decode(b) {
                case .binary: return (nil, [DocumentError(path: path, reason: .binary)])
                case .text(let s, let warning): return (s, warning.map { [DocumentError(path: path, reason: $0)] } ?? [])
                }
            }
        }
        switch read {
        case .success(let r): return r
        case .failure(let reason): return (nil, [DocumentError(path: path, reason: reason)])
        }
    }

    /// Loads content already in memory as if read from a file named by relativePath (its
    /// extension picks the format; `.gz` content is decompressed).
    public func load(bytes: [UInt8], relativePath: String) -> LoadResult {
        guard let format = SourceFormat(fileName: relativePath) else {
            return LoadResult(problems: [DocumentError(path: relativePath, reason: .unsupportedExtension(Self.extensionOf(relativePath)))])
        }
        if bytes.isEmpty { return LoadResult(problems: [DocumentError(path: relativePath, reason: .empty)]) }
        var content = bytes
        // Only compressed bytes are inflated: text already read from a `.gz` file (`readText`,
        // then `load(text:)`) keeps the file's name but not its compression.
        if relativePath.lowercased().hasSuffix(".gz") && bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B {
            let limit = format == .jsonLines ? maxCollectionBytes : maxFileBytes
            switch bytes.withUnsafeBufferPointer({ Self.gunzip($0, limit: limit) }) {
            case .failure(let reason): return LoadResult(problems: [DocumentError(path: relativePath, reason: reason)])
            case .success(let inner): content = inner
            }
        }
        return Self.withoutSpans(content.withUnsafeBufferPointer { parse($0, format: format, path: relativePath, relativePath: relativePath) })
    }

    /// Text in memory has no file to read back from.
    static func withoutSpans(_ result: LoadResult) -> LoadResult {
        var r = result
        for i in r.documents.indices { r.documents[i].span = nil }
        return r
    }

    /// Loads text in memory (see `load(bytes:relativePath:)`).
    public func load(text: String, relativePath: String) -> LoadResult {
        load(bytes: Array(text.utf8), relativePath: relativePath)
    }

    // MARK: Reading

    /// Calls body with the file's bytes: memory-mapped for regular files of 1 MB or more, read
    /// otherwise. Fails for unreadable files, folders and files over the limit.
    static func withFileBytes<R>(_ path: String, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> Result<R, DocumentError.Reason> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(.unreadable("it is a folder")) }
        let regular = (st.st_mode & S_IFMT) == S_IFREG
        let size = Int(st.st_size)
        if size > limit { return .failure(.tooLarge(bytes: size, limit: limit)) }
        if regular && size >= 1 << 20 {
            #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
            #else
            let flags = MAP_PRIVATE
            #endif
            if let m = mmap(nil, size, PROT_READ, flags, fd, 0), m != MAP_FAILED {
                defer { munmap(m, size) }
                return .success(body(UnsafeBufferPointer(start: m.assumingMemoryBound(to: UInt8.self), count: size)))
            }
        }
        // Read straight into one uninitialised buffer: zeroing a 64 KB chunk per file and
        // copying out of it cost more than reading news-sized files.
        var capacity = regular ? size + 1 : 65536
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var count = 0
        while true {
            if count == capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.initialize(from: buffer, count: count)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let r = read(fd, buffer + count, capacity - count)
            if r < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if r == 0 { break }
            count += r
            if count > limit { return .failure(.tooLarge(bytes: count, limit: limit)) }
        }
        return .success(body(UnsafeBufferPointer(start: buffer, count: count)))
    }

    static func gunzip(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Result<[UInt8], DocumentError.Reason> {
        var out: UnsafeMutablePointer<UInt8>?
        var outLen = 0
        let rc = evx_gunzip(bytes.baseAddress, bytes.count, &out, &outLen, limit)
        defer { if let out { evx_free(out) } }
        switch rc {
        case 0:
            guard let out else { return .success([]) }
            return .success(Array(UnsafeBufferPointer(start: out, count: outLen)))
        case -2: return .failure(.decompressedTooLarge(limit: limit))
        case -3: return .failure(.unreadable("out of memory while decompressing"))
        default: return .failure(.corruptGzip)
        }
    }

    // MARK: Parsing

    func parse(_ bytes: UnsafeBufferPointer<UInt8>, format: SourceFormat, path: String, relativePath: String) -> LoadResult {
        if format == .jsonLines {
            if TextDecoding.looksBinary(bytes) { return LoadResult(problems: [DocumentError(path: path, reason: .binary)]) }
            let out = JSONLParser(path: path, relativePath: relativePath, maxLineBytes: maxFileBytes).parse(bytes)
            if out.documents.isEmpty && out.problems.isEmpty {
                return LoadResult(problems: [DocumentError(path: path, reason: .empty)])
            }
            return LoadResult(documents: out.documents, problems: out.problems)
        }
        var problems: [DocumentError] = []
        let text: String
        switch TextDecoding.decode(bytes) {
        case .binary:
            return LoadResult(problems: [DocumentError(path: path, reason: .binary)])
        case .text(let s, let warning):
            text = s
            if let warning { problems.append(DocumentError(path: path, reason: warning)) }
        }
        if TextTools.isBlank(text) {
            return LoadResult(problems: problems + [DocumentError(path: path, reason: .empty)])
        }
        var doc: Document
        switch format {
        case .text:
            let lines = TextTools.lines(text)
            if let first = lines.first, first.trimmingSpaces == "---" {
                let (d, p) = MarkdownParser.parse(text: text, id: relativePath, path: path, markdown: false)
                doc = d
                problems += p
            } else if OralEvidenceParser.looksLike(lines) {
                doc = OralEvidenceParser.parse(text: text, id: relativePath)
            } else if OralEvidenceParser.looksLikeNameLines(lines) {
                doc = OralEvidenceParser.parseNameLines(text: text, id: relativePath)
            } else if NewsTextParser.header(lines).recognised {
                doc = NewsTextParser.parse(text: text, id: relativePath)
            } else {
                doc = PlainTextParser.parse(text: text, id: relativePath)
            }
        case .markdown:
            let (d, p) = MarkdownParser.parse(text: text, id: relativePath, path: path, markdown: true)
            doc = d
            problems += p
        case .html:
            guard let d = HTMLParser.parse(text: text, id: relativePath) else {
                return LoadResult(problems: problems + [DocumentError(path: path, reason: .unreadable("libxml2 could not parse it as HTML"))])
            }
            doc = d
        case .restructuredText:
            doc = InquiryTranscriptParser.parse(text: text, id: relativePath, relativePath: path)
        case .jsonLines:
            fatalError("handled above")
        }
        if doc.title.isEmpty && doc.paragraphs.isEmpty {
            return LoadResult(problems: problems + [DocumentError(path: path, reason: .noContent)])
        }
        if doc.paragraphs.isEmpty { problems.append(DocumentError(path: path, reason: .noBodyText)) }
        if doc.title.isEmpty { doc.title = TextTools.baseName(relativePath) }
        return LoadResult(documents: [doc], problems: problems)
    }
}
