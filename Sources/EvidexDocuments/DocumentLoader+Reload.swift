#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DocumentLoader {
    /// Parses again the bytes a document was loaded from, for an index that keeps a reference
    /// to its source instead of a copy. `file.relativePath` must be the one it was loaded with,
    /// since ids and default titles come from it. Fails with `.changedSinceIndexed` when the
    /// file is shorter than the span or its bytes no longer give one document, and with the
    /// usual reasons when the file is gone or unreadable.
    public func reload(_ file: SourceFile, span: SourceSpan) -> Result<Document, DocumentError> {
        let path = file.url.path
        guard let format = file.format, !file.isGzipped else {
            return .failure(DocumentError(path: path, reason: .unsupportedExtension(Self.extensionOf(file.url.lastPathComponent))))
        }
        guard span.offset >= 0, span.length > 0, span.length <= max(maxFileBytes, 1) else {
            return .failure(DocumentError(path: path, reason: .changedSinceIndexed))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let reason: DocumentError.Reason = errno == ENOENT ? .notFound : .unreadable(String(cString: strerror(errno)))
            return .failure(DocumentError(path: path, reason: reason))
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: span.length)
        var got = 0
        while got < span.length {
            let r = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, span.length - got, off_t(span.offset + got)) }
            if r < 0 {
                if errno == EINTR { continue }
                return .failure(DocumentError(path: path, reason: .unreadable(String(cString: strerror(errno)))))
            }
            if r == 0 { return .failure(DocumentError(path: path, reason: .changedSinceIndexed)) }
            got += r
        }
        let docs: [Document] = bytes.withUnsafeBufferPointer { b in
            if format == .jsonLines {
                return JSONLParser(path: path, relativePath: file.relativePath, maxLineBytes: maxFileBytes)
                    .parseChunk(b.baseAddress!, 0, b.count, firstLine: 1, spanBase: span.offset).documents
            }
            return parse(b, format: format, path: path, relativePath: file.relativePath).documents
        }
        guard docs.count == 1, var doc = docs.first else {
            return .failure(DocumentError(path: path, reason: .changedSinceIndexed))
        }
        doc.span = span
        return .success(doc)
    }
}
