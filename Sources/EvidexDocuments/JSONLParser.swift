import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON Lines: one document per line with `id, title, body, date, source, url, kind, author`
/// (`text`/`content` stand in for a missing `body`). The body is split into paragraphs at
/// blank lines; date accepts YYYY-MM-DD, an ISO timestamp, a written date or null; unknown
/// fields are kept as metadata (strings as they are, other values as their JSON text). A bad
/// line is one error naming file and line; the other lines still load. Lines without an id
/// get `relativePath#N`. Large inputs are parsed in parallel chunks, results kept in order.
struct JSONLParser {
    let path: String
    let relativePath: String
    let maxLineBytes: Int
    var defaultKind: DocumentKind = .news

    struct Output {
        var documents: [Document] = []
        var problems: [DocumentError] = []
        /// The line number of each document (for duplicate-id reports).
        var lines: [Int] = []
    }

    /// Inputs at least this large are split across the processors.
    static let parallelThreshold = 4 << 20

    func parse(_ buf: UnsafeBufferPointer<UInt8>) -> Output {
        guard let base = buf.baseAddress, buf.count > 0 else { return Output() }
        var start = 0
        if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { start = 3 }
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
        let chunks = buf.count >= Self.parallelThreshold && cores > 1 ? min(cores * 2, buf.count / (1 << 20)) : 1
        if chunks <= 1 {
            var out = parseChunk(base, start, buf.count, firstLine: 1, spanBase: 0)
            flagDuplicates(&out)
            return out
        }
        // Chunk boundaries just after a newline.
        var bounds = [start]
        for k in 1..<chunks {
            var b = max(bounds.last!, buf.count * k / chunks)
            if let nl = memchr(base + b, 0x0A, buf.count - b) {
                b = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - base + 1
            } else {
                b = buf.count
            }
            bounds.append(b)
        }
        bounds.append(buf.count)
        // Line numbers: count newlines per chunk (in parallel), then parse (in parallel).
        let n = chunks
        let lineCounts = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        defer { lineCounts.deallocate() }
        let results = UnsafeMutableBufferPointer<Output>.allocate(capacity: n)
        results.initialize(repeating: Output())
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let counts = lineCounts
        nonisolated(unsafe) let slots = results
        nonisolated(unsafe) let basePtr = base
        let bnds = bounds
        DispatchQueue.concurrentPerform(iterations: n) { k in
            counts[k] = Self.countNewlines(basePtr + bnds[k], bnds[k + 1] - bnds[k])
        }
        var firstLines = [1]
        for k in 0..<(n - 1) { firstLines.append(firstLines[k] + counts[k]) }
        let firsts = firstLines
        DispatchQueue.concurrentPerform(iterations: n) { k in
            slots[k] = self.parseChunk(basePtr, bnds[k], bnds[k + 1], firstLine: firsts[k], spanBase: 0)
        }
        var out = Output()
        out.documents.reserveCapacity(results.reduce(0) { $0 + $1.documents.count })
        for k in 0..<n {
            out.documents.append(contentsOf: results[k].documents)
            out.problems.append(contentsOf: results[k].problems)
            out.lines.append(contentsOf: results[k].lines)
            results[k] = Output()
        }
        flagDuplicates(&out)
        return out
    }

    static func countNewlines(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var c = 0
        var q = p
        var left = n
        while left > 0, let nl = memchr(q, 0x0A, left) {
            let np = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self))
            c += 1
            left -= np - q + 1
            q = np + 1
        }
        return c
    }

    /// Warns about ids seen earlier in the file.
    private func flagDuplicates(_ out: inout Output) {
        var seen = Set<String>(minimumCapacity: out.documents.count)
        var dups: [DocumentError] = []
        for i in out.documents.indices {
            let id = out.documents[i].id
            if !seen.insert(id).inserted {
                dups.append(DocumentError(path: path, line: out.lines[i], reason: .duplicateID(id)))
            }
        }
        if !dups.isEmpty {
            out.problems.append(contentsOf: dups)
            out.problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        }
    }

    /// Parses the lines in [start, end) of base; the first is line number firstLine. A line at
    /// base[p] gets the span offset spanBase + p: callers pass the file offset of base[0].
    func parseChunk(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, firstLine: Int, spanBase: Int) -> Output {
        var out = Output()
        let scanner = FlatJSONScanner(base)
        var fields: [FlatJSONScanner.Field] = []
        fields.reserveCapacity(16)
        var ctx = LineContext(scanner: scanner)
        var p = start
        var line = firstLine
        while p < end {
            var lineEnd = end
            if let nl = memchr(base + p, 0x0A, end - p) {
                lineEnd = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - base
            }
            var contentEnd = lineEnd
            if contentEnd > p, base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            defer { p = lineEnd + 1; line += 1 }
            if scanner.isBlank(p, contentEnd) { continue }
            if contentEnd - p > maxLineBytes {
                out.problems.append(DocumentError(path: path, line: line, reason: .tooLarge(bytes: contentEnd - p, limit: maxLineBytes)))
                continue
            }
            do {
                try scanner.parseObject(p, contentEnd, into: &fields)
            } catch {
                out.problems.append(DocumentError(path: path, line: line, reason: .invalidJSON("\(error.message) at column \(error.offset + 1)")))
                continue
            }
            ctx.line = line
            ctx.warnings.removeAll(keepingCapacity: true)
            ctx.lineError = nil
            if var doc = build(fields, &ctx) {
                doc.span = SourceSpan(offset: spanBase + p, length: contentEnd - p)
                out.documents.append(doc)
                out.lines.append(line)
            }
            for w in ctx.warnings {
                out.problems.append(DocumentError(path: path, line: line, reason: w))
            }
            if let e = ctx.lineError {
                out.problems.append(DocumentError(path: path, line: line, reason: e, severity: .error))
            }
        }
        return out
    }

    struct LineContext {
        let scanner: FlatJSONScanner
        var scratch: [UInt8] = []
        var scratch2: [UInt8] = []
        var line = 0
        var warnings: [DocumentError.Reason] = []
        /// Why the line was not loaded, when a field (not the JSON) was at fault.
        var lineError: DocumentError.Reason?
        var invalidUTF8 = 0

        init(scanner: FlatJSONScanner) {
            self.scanner = scanner
            scratch.reserveCapacity(1 << 16)
            scratch2.reserveCapacity(1 << 16)
        }
    }

    private enum Known { case id, title, body, text, content, date, source, url, kind, author, unknown }

    @inline(__always)
    private func known(_ s: FlatJSONScanner, _ f: FlatJSONScanner.Field) -> Known {
        if f.keyEscaped { return .unknown }
        let k = f.key
        switch k.end - k.start {
        case 2: return s.spanEquals(k, "id") ? .id : .unknown
        case 3: return s.spanEquals(k, "url") ? .url : .unknown
        case 4:
            if s.spanEquals(k, "body") { return .body }
            if s.spanEquals(k, "date") { return .date }
            if s.spanEquals(k, "kind") { return .kind }
            if s.spanEquals(k, "text") { return .text }
            return .unknown
        case 5: return s.spanEquals(k, "title") ? .title : .unknown
        case 6:
            if s.spanEquals(k, "source") { return .source }
            if s.spanEquals(k, "author") { return .author }
            return .unknown
        case 7: return s.spanEquals(k, "content") ? .content : .unknown
        default: return .unknown
        }
    }

    /// A document from one parsed line, or nil (with an error added to ctx.warnings' owner) when unusable.
    private func build(_ fields: [FlatJSONScanner.Field], _ ctx: inout LineContext) -> Document? {
        let s = ctx.scanner
        var doc = Document(id: "", kind: defaultKind)
        var bodyField: FlatJSONScanner.Field?
        var altBody: FlatJSONScanner.Field?
        var badLine: String?
        ctx.invalidUTF8 = 0
        for f in fields {
            let which = known(s, f)
            switch which {
            case .id:
                switch f.kind {
                case .string: doc.id = str(f, trim: true, &ctx) ?? ""
                case .number: doc.id = raw(f, s)
                case .null: break
                default: badLine = "id"
                }
            case .title:
                switch f.kind {
                case .string: doc.title = str(f, clean: true, &ctx) ?? ""
                case .null: break
                case .number, .bool: doc.title = raw(f, s)
                case .nested: ctx.warnings.append(.badField("title", "is not a string; it was ignored"))
                }
            case .body:
                bodyField = f
            case .text, .content:
                if f.kind == .string, altBody == nil { altBody = f } else { doc.metadata[which == .text ? "text" : "content"] = f.kind == .string ? (str(f, &ctx) ?? "") : raw(f, s) }
            case .date:
                switch f.kind {
                case .string:
                    if let d = isoDate(f.value, s) {
                        doc.date = d
                    } else if let text = str(f, trim: true, &ctx), !text.isEmpty {
                        if let d = DayParser.parse(text) { doc.date = d } else {
                            ctx.warnings.append(.unreadableDate(text))
                            doc.metadata["date"] = text
                        }
                    }
                case .null: break
                default:
                    ctx.warnings.append(.unreadableDate(raw(f, s)))
                    doc.metadata["date"] = raw(f, s)
                }
            case .source, .url:
                let value: String?
                switch f.kind {
                case .string: value = str(f, trim: true, &ctx)
                case .null: value = nil
                default: value = raw(f, s)
                }
                if let value, !value.isEmpty { if which == .source { doc.source = value } else { doc.url = value } }
            case .kind:
                if f.kind == .string, let k = str(f, trim: true, &ctx) {
                    if let kind = DocumentKind(rawValue: k.lowercased()) { doc.kind = kind } else if !k.isEmpty {
                        doc.kind = .other
                        ctx.warnings.append(.unknownKind(k))
                    }
                } else if f.kind != .null {
                    ctx.warnings.append(.unknownKind(raw(f, s)))
                    doc.kind = .other
                }
            case .author:
                switch f.kind {
                case .string:
                    if let a = str(f, clean: true, &ctx), !a.isEmpty { doc.author = a }
                case .nested:
                    if let a = authorList(f, s), !a.isEmpty { doc.author = a } else { doc.metadata["author"] = raw(f, s) }
                case .null: break
                default: doc.author = raw(f, s)
                }
            case .unknown:
                guard f.kind != .null else { continue }
                let key: String
                if f.keyEscaped {
                    guard s.unescape(f.key, into: &ctx.scratch2) else { badLine = "bad escape in a key"; continue }
                    key = makeString(ctx.scratch2, &ctx)
                } else {
                    key = makeString(UnsafeBufferPointer(start: s.base + f.key.start, count: f.key.end - f.key.start), &ctx)
                }
                doc.metadata[key] = f.kind == .string ? (str(f, &ctx) ?? "") : raw(f, s)
            }
        }
        if let badLine {
            ctx.warnings.removeAll()
            ctx.lineError = badLine == "id" ? .badField("id", "must be a string or a number; the line was not loaded") : .invalidJSON(badLine)
            return nil
        }
        if bodyField != nil, let alt = altBody {
            // Both a body and a text/content field: the latter is kept as metadata.
            doc.metadata[s.spanEquals(alt.key, "text") ? "text" : "content"] = str(alt, &ctx) ?? ""
        }
        if let f = bodyField ?? altBody {
            switch f.kind {
            case .string: paragraphs(f, &doc, &ctx)
            case .null: break
            case .number, .bool: doc.paragraphs = [Paragraph(text: raw(f, s))]
            case .nested: ctx.warnings.append(.badField("body", "is not a string; it was ignored"))
            }
        }
        if ctx.invalidUTF8 > 0 { ctx.warnings.append(.invalidUTF8(replacements: ctx.invalidUTF8)) }
        if doc.title.isEmpty && doc.paragraphs.isEmpty {
            // A record that names itself is a member of its collection even when empty (test
            // collections have such records; dropping it would fail the whole indexing run and
            // change the collection's document count), so it is kept; without an id it is noise.
            guard !doc.id.isEmpty else {
                ctx.warnings.append(.noContent)
                return nil
            }
            ctx.warnings.append(.emptyRecord)
            return doc
        }
        if doc.id.isEmpty { doc.id = "\(relativePath)#\(ctx.line)" }
        return doc
    }

    private func raw(_ f: FlatJSONScanner.Field, _ s: FlatJSONScanner) -> String {
        if f.kind == .string {
            // The JSON text of a string value (quotes included) for a field that wanted another type.
            return String(decoding: UnsafeBufferPointer(start: s.base + f.value.start - 1, count: f.value.end - f.value.start + 2), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(start: s.base + f.value.start, count: f.value.end - f.value.start), as: UTF8.self)
    }

    /// `["A", "B"]` → "A, B"; nil if the array holds anything but strings (or is an object).
    private func authorList(_ f: FlatJSONScanner.Field, _ s: FlatJSONScanner) -> String? {
        let text = raw(f, s)
        guard text.hasPrefix("["), let data = text.data(using: .utf8),
              let arr = (try? JSONSerialization.jsonObject(with: data)) as? [String] else { return nil }
        return arr.map { TextTools.clean($0) }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// YYYY-MM-DD (optionally followed by T or a space) straight from the bytes.
    private func isoDate(_ span: FlatJSONScanner.Span, _ s: FlatJSONScanner) -> Day? {
        let n = span.end - span.start
        guard n >= 10 else { return nil }
        let b = s.base + span.start
        if n > 10, b[10] != UInt8(ascii: "T"), b[10] != UInt8(ascii: " "), b[10] != UInt8(ascii: "t") { return nil }
        guard b[4] == 0x2D, b[7] == 0x2D else { return nil }
        var v = [0, 0, 0]
        for (k, r) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
            for i in r {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v[k] = v[k] * 10 + Int(c - 0x30)
            }
        }
        return Day(year: v[0], month: v[1], day: v[2])
    }

    // MARK: Strings

    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>, _ ctx: inout LineContext) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        ctx.invalidUTF8 += TextDecoding.scanUTF8(bytes).invalid
        return String(decoding: bytes, as: UTF8.self)
    }

    private func makeString(_ bytes: [UInt8], _ ctx: inout LineContext) -> String {
        bytes.withUnsafeBufferPointer { makeString($0, &ctx) }
    }

    /// A string field's text: as is, trimmed, or with white space collapsed (clean).
    private func str(_ f: FlatJSONScanner.Field, trim: Bool = false, clean: Bool = false, _ ctx: inout LineContext) -> String? {
        let s = ctx.scanner
        if !f.valueEscaped {
            let bytes = UnsafeBufferPointer(start: s.base + f.value.start, count: f.value.end - f.value.start)
            if (!trim && !clean) || !Self.needsNormalizing(bytes, collapse: clean) { return makeString(bytes, &ctx) }
            ctx.scratch.removeAll(keepingCapacity: true)
            ctx.scratch.append(contentsOf: bytes)
        } else {
            guard s.unescape(f.value, into: &ctx.scratch) else {
                ctx.warnings.append(.badField(String(decoding: UnsafeBufferPointer(start: s.base + f.key.start, count: f.key.end - f.key.start), as: UTF8.self), "has a bad escape sequence; it was ignored"))
                return nil
            }
        }
        if trim || clean { Self.normalize(&ctx.scratch, collapse: clean) }
        return makeString(ctx.scratch, &ctx)
    }

    @inline(__always) private static func isWS(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B }

    private static func needsNormalizing(_ b: UnsafeBufferPointer<UInt8>, collapse: Bool) -> Bool {
        guard let f = b.first, let l = b.last else { return false }
        if isWS(f) || isWS(l) { return true }
        guard collapse else { return false }
        var prevSpace = false
        for c in b {
            if c == 0x20 { if prevSpace { return true }; prevSpace = true } else if c < 0x20 && isWS(c) { return true } else { prevSpace = false }
        }
        return false
    }

    /// In place: trims ASCII white space; with collapse, runs of it become one space.
    private static func normalize(_ a: inout [UInt8], collapse: Bool) {
        if !collapse {
            var e = a.count
            while e > 0, isWS(a[e - 1]) { e -= 1 }
            var s = 0
            while s < e, isWS(a[s]) { s += 1 }
            a.removeSubrange(e..<a.count)
            a.removeSubrange(0..<s)
            return
        }
        var w = 0
        a.withUnsafeMutableBufferPointer { b in
            var pending = false
            for r in 0..<b.count {
                let c = b[r]
                if isWS(c) {
                    pending = w > 0
                } else {
                    if pending { b[w] = 0x20; w += 1; pending = false }
                    b[w] = c
                    w += 1
                }
            }
        }
        a.removeSubrange(w..<a.count)
    }

    /// Splits the body at blank lines into paragraphs with white space collapsed (a body without
    /// escapes has no line breaks: it is one paragraph, only trimmed).
    private func paragraphs(_ f: FlatJSONScanner.Field, _ doc: inout Document, _ ctx: inout LineContext) {
        let s = ctx.scanner
        if !f.valueEscaped {
            var bytes = UnsafeBufferPointer(start: s.base + f.value.start, count: f.value.end - f.value.start)
            while let c = bytes.first, Self.isWS(c) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst()) }
            while let c = bytes.last, Self.isWS(c) { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
            if !bytes.isEmpty { doc.paragraphs = [Paragraph(text: makeString(bytes, &ctx))] }
            return
        }
        guard s.unescape(f.value, into: &ctx.scratch) else {
            ctx.warnings.append(.badField("body", "has a bad escape sequence; it was ignored"))
            return
        }
        // Paragraphs end at lines holding only white space; within one, line breaks become
        // spaces (in place) and the ends are trimmed.
        var ranges: [Range<Int>] = []
        ctx.scratch.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            let n = b.count
            var paraStart = -1      // first byte of the open paragraph
            var lineStart = 0
            func closeParagraph(_ end: Int) {
                guard paraStart >= 0 else { return }
                var e = end
                while e > paraStart, Self.isWS(b[e - 1]) { e -= 1 }
                if e > paraStart { ranges.append(paraStart..<e) }
                paraStart = -1
            }
            while lineStart <= n {
                var lineEnd = n
                if lineStart < n, let nl = memchr(base + lineStart, 0x0A, n - lineStart) {
                    lineEnd = UnsafeMutablePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - base
                }
                var firstText = lineStart
                while firstText < lineEnd, Self.isWS(b[firstText]) { firstText += 1 }
                if firstText == lineEnd {
                    closeParagraph(lineStart)
                } else if paraStart < 0 {
                    paraStart = firstText
                }
                if lineEnd < n {
                    b[lineEnd] = 0x20
                    if lineEnd > 0, b[lineEnd - 1] == 0x0D { b[lineEnd - 1] = 0x20 }
                }
                lineStart = lineEnd + 1
            }
            closeParagraph(n)
        }
        var paras: [Paragraph] = []
        paras.reserveCapacity(ranges.count)
        let body = ctx.scratch
        body.withUnsafeBufferPointer { b in
            for r in ranges { paras.append(Paragraph(text: makeString(UnsafeBufferPointer(rebasing: b[r]), &ctx))) }
        }
        doc.paragraphs = paras
    }
}
