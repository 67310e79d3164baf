#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DocumentLoader {
    /// Loads a file in batches of documents, so that a large JSONL file never sits in memory
    /// whole (indexing memory stays bounded whatever the corpus size). Other formats, and
    /// gzipped JSONL, arrive as one batch. `body` sees every document and problem exactly once,
    /// in file order; duplicate ids across batches are reported as in `load`.
    public func forEachBatch(_ file: SourceFile, batchBytes: Int = 4 << 20, _ body: (LoadResult) -> Void) {
        guard file.format == .jsonLines, !file.isGzipped else {
            body(load(file))
            return
        }
        let path = file.url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            body(LoadResult(problems: [DocumentError(path: path, reason: .unreadable(String(cString: strerror(errno))))]))
            return
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && Int(st.st_size) > maxCollectionBytes {
            body(LoadResult(problems: [DocumentError(path: path, reason: .tooLarge(bytes: Int(st.st_size), limit: maxCollectionBytes))]))
            return
        }
        let parser = JSONLParser(path: path, relativePath: file.relativePath, maxLineBytes: maxFileBytes)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(batchBytes * 2)
        var chunk = [UInt8](repeating: 0, count: batchBytes)
        var nextLine = 1
        // File offset of buffer[0], for the documents' spans.
        var consumed = 0
        var seen = Set<String>()
        var first = true
        var anything = false
        var eof = false
        while !eof {
            let r = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, batchBytes) }
            if r < 0 {
                if errno == EINTR { continue }
                body(LoadResult(problems: [DocumentError(path: path, reason: .unreadable(String(cString: strerror(errno))))]))
                return
            }
            if r == 0 { eof = true } else { buffer.append(contentsOf: chunk[0..<r]) }
            if first && !buffer.isEmpty {
                first = false
                let binary = buffer.withUnsafeBufferPointer { TextDecoding.looksBinary(UnsafeBufferPointer(rebasing: $0[0..<min($0.count, 1 << 16)])) }
                if binary {
                    body(LoadResult(problems: [DocumentError(path: path, reason: .binary)]))
                    return
                }
            }
            // Parse whole lines; keep a partial last line for the next read.
            var end = buffer.count
            if !eof {
                guard let nl = buffer.lastIndex(of: 0x0A) else { continue }
                end = nl + 1
            }
            if end == 0 { continue }
            var out = buffer.withUnsafeBufferPointer { b -> JSONLParser.Output in
                var start = 0
                if nextLine == 1 && b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { start = 3 }
                return parser.parseChunk(b.baseAddress!, start, end, firstLine: nextLine, spanBase: consumed)
            }
            nextLine += buffer.withUnsafeBufferPointer { JSONLParser.countNewlines($0.baseAddress!, end) }
            for (i, d) in out.documents.enumerated() where !seen.insert(d.id).inserted {
                out.problems.append(DocumentError(path: path, line: out.lines[i], reason: .duplicateID(d.id)))
            }
            buffer.removeFirst(end)
            consumed += end
            if !out.documents.isEmpty || !out.problems.isEmpty {
                anything = true
                body(LoadResult(documents: out.documents, problems: out.problems))
            }
        }
        if !anything { body(LoadResult(problems: [DocumentError(path: path, reason: .empty)])) }
    }
}
