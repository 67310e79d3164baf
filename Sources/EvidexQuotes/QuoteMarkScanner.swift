/// Pairs quotation marks into top-level quoted stretches, paragraph by paragraph.
///
/// The direction of a mark is read from its context first (space before and a word after opens;
/// a word before and space or punctuation after closes) and from its glyph only when the context
/// is ambiguous, because news text is full of mis-directed curly marks. A document's *primary*
/// marks are whichever kind is used more — doubles in American style, singles in British — and
/// the other kind is only looked for nested inside primary stretches or in the gaps between them.
/// A stretch left open at the end of a paragraph ends there (multi-paragraph quotations repeat
/// the opening mark at each paragraph start and omit the closing mark until the last one).
struct QuoteMarkScanner: Sendable {
    let text: [Unicode.Scalar]

    init(_ text: [Unicode.Scalar]) {
        self.text = text
    }

    private func at(_ i: Int) -> Unicode.Scalar? {
        i >= 0 && i < text.count ? text[i] : nil
    }

    /// Non-blank lines as paragraphs; a trailing "\r" stays inside the paragraph.
    func paragraphs() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var blank = true
        let n = text.count
        var i = 0
        text.withUnsafeBufferPointer { buf in
            while i <= n {
                if i == n || buf[i] == "\n" {
                    if !blank { out.append(start..<i) }
                    start = i + 1
                    blank = true
                } else if blank && !ScalarClass.isSpace(buf[i]) {
                    blank = false
                    // the rest of the line only matters for where it ends
                    i = ScalarScan.index(of: "\n", in: buf, from: i + 1, to: n) - 1
                }
                i += 1
            }
        }
        return out
    }

    enum Role { case open, close, apostrophe }

    private func doubleContextRole(_ i: Int, width: Int) -> Role? {
        let left = at(i - 1), right = at(i + width)
        let openCtx = (ScalarClass.isSpace(left) || ScalarClass.isOpenContext(left)) && !ScalarClass.isSpace(right)
        let closeCtx = !ScalarClass.isSpace(left) && (ScalarClass.isSpace(right) || ScalarClass.isCloseFollow(right))
        if openCtx && !closeCtx { return .open }
        if closeCtx && !openCtx { return .close }
        return nil
    }

    /// Elisions that begin with an apostrophe: ’90s, 'em, 'til, rock 'n' roll, 'tis.
    private func isElision(at i: Int) -> Bool {
        func boundary(_ j: Int) -> Bool { !ScalarClass.isWordChar(at(j)) }
        if let c = at(i), ScalarClass.isDigit(c) {
            var ends: [Int] = []
            if let d = at(i + 1), ScalarClass.isDigit(d) {
                if let s = at(i + 2), s == "s" || s == "S" { ends.append(i + 3) }
                ends.append(i + 2)
            }
            if let s = at(i + 1), s == "s" || s == "S" { ends.append(i + 2) }
            ends.append(i + 1)
            if ends.contains(where: boundary) { return true }
        }
        for word in Self.elisions {
            var ok = true
            for (k, ch) in word.unicodeScalars.enumerated() {
                guard let c = at(i + k), c.properties.lowercaseMapping == String(ch) else { ok = false; break }
            }
            if ok && boundary(i + word.unicodeScalars.count) { return true }
        }
        return false
    }

    private static let elisions = ["em", "til", "cause", "n", "tis", "twas", "bout", "round", "nuff", "ol", "ya", "cuz"]

    func singleRole(_ i: Int) -> Role? {
        let left = at(i - 1), right = at(i + 1)
        if ScalarClass.isAlnum(left) && ScalarClass.isAlnum(right) { return .apostrophe }
        if (ScalarClass.isSpace(left) || ScalarClass.isOpenContext(left)) && right != nil && isElision(at: i + 1) {
            return .apostrophe
        }
        // the second mark of rock ’n’ roll
        if let l = left, l == "n" || l == "N", let l2 = at(i - 2), ScalarClass.isSingleMark(l2), ScalarClass.isSpace(at(i - 3)) {
            return .apostrophe
        }
        let openCtx = (ScalarClass.isSpace(left) || ScalarClass.isOpenContext(left)) && !ScalarClass.isSpace(right)
        let closeCtx = !ScalarClass.isSpace(left) && (ScalarClass.isSpace(right) || ScalarClass.isCloseFollow(right))
        if openCtx && !closeCtx { return .open }
        if closeCtx && !openCtx { return .close }
        if openCtx && closeCtx { return text[i] == ScalarClass.leftSingle ? .open : .close }
        return nil
    }

    /// (index, width) of double marks in a range; '' (NYT archive style) counts as one mark.
    /// Positions of every quotation-mark scalar (' " « » “ ” „ ‘ ’), in order.
    private func markPositions() -> [Int] {
        var out: [Int] = []
        text.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while true {
                // letters, digits and most punctuation lie between the ASCII marks and «
                i = ScalarScan.index(outside: 0x28, 0xAA, in: buf, from: i, to: n)
                guard i < n else { break }
                defer { i += 1 }
                let v = buf[i].value
                if v == 0x27 || v == 0x22 || v == 0xAB || v == 0xBB || (v >= 0x2018 && v <= 0x2019) || (v >= 0x201C && v <= 0x201E) {
                    out.append(i)
                }
            }
        }
        return out
    }

    /// `doubleMarks(r)` visiting only the mark positions in `r` (all others add nothing).
    private func doubleMarks(_ r: Range<Int>, candidates: ArraySlice<Int>) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var next = r.lowerBound
        for i in candidates where i >= next {
            if text[i] == "'" && i + 1 < r.upperBound && text[i + 1] == "'" {
                out.append((i, 2))
                next = i + 2
                continue
            }
            if ScalarClass.isDoubleMark(text[i]) { out.append((i, 1)) }
        }
        return out
    }

    private func doubleMarks(_ r: Range<Int>) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var i = r.lowerBound
        while i < r.upperBound {
            let v = text[i].value
            // Most scalars are none of ' " « » “ ” „: one range test rules them out.
            if v != 0x27 && v != 0x22 && v != 0xAB && v != 0xBB && (v < 0x201C || v > 0x201E) {
                i += 1
                continue
            }
            if text[i] == "'" && i + 1 < r.upperBound && text[i + 1] == "'" {
                out.append((i, 2))
                i += 2
                continue
            }
            if ScalarClass.isDoubleMark(text[i]) { out.append((i, 1)) }
            i += 1
        }
        return out
    }

    private func hasWord(_ r: Range<Int>) -> Bool {
        guard r.lowerBound < r.upperBound else { return false }
        return r.contains { ScalarClass.isWordChar(text[$0]) }
    }

    private func trimmed(_ a: Int, _ b: Int) -> Range<Int> {
        var a = a, b = b
        while a < b && ScalarClass.isSpace(text[a]) { a += 1 }
        while b > a && ScalarClass.isSpace(text[b - 1]) { b -= 1 }
        return a..<b
    }

    /// A closing single mark after "s" (Kings’ Fund, the Smiths’ house) is a possessive when
    /// another closing candidate follows before any new opening one.
    private func isPossessive(_ i: Int, candidates: [(Int, Role)], from k: Int) -> Bool {
        guard let left = at(i - 1), left == "s" || left == "S", let right = at(i + 1), right == " " else { return false }
        for (_, role) in candidates[(k + 1)...] {
            if role == .open { return false }
            if role == .close { return true }
        }
        return false
    }

    /// Pairs single marks inside a range, without nesting (an unmatched opener is forgotten).
    private func pairSingles(_ r: Range<Int>, skip: Set<Int>) -> [(Int, Int)] {
        pairSingles(r, marks: singleMarks(r, skip: skip))
    }

    /// Single marks of a range that are not half of a '' double mark, in order, with their
    /// roles. A paragraph's list is made once and shared by the passes that need it, since
    /// scanning every scalar and working out every apostrophe's role again was costly.
    /// `singleMarks` over the mark positions of a paragraph.
    private func singleMarks(_ candidates: ArraySlice<Int>, skip: Set<Int>) -> [(Int, Role?)] {
        var out: [(Int, Role?)] = []
        for i in candidates {
            let v = text[i].value
            guard v == 0x27 || v == 0x2018 || v == 0x2019, !skip.contains(i) else { continue }
            out.append((i, singleRole(i)))
        }
        return out
    }

    private func singleMarks(_ r: Range<Int>, skip: Set<Int>) -> [(Int, Role?)] {
        var out: [(Int, Role?)] = []
        for i in r {
            let v = text[i].value
            guard v == 0x27 || v == 0x2018 || v == 0x2019, !skip.contains(i) else { continue }
            out.append((i, singleRole(i)))
        }
        return out
    }

    /// `pairSingles` over the marks of `marks` that lie in `r`.
    private func pairSingles(_ r: Range<Int>, marks: [(Int, Role?)]) -> [(Int, Int)] {
        var cands: [(Int, Role)] = []
        for (i, role) in marks where r.contains(i) {
            if let role, role != .apostrophe { cands.append((i, role)) }
        }
        var pairs: [(Int, Int)] = []
        var cur: Int?
        for (k, (i, role)) in cands.enumerated() {
            if role == .open {
                if cur == nil || text[i] == ScalarClass.leftSingle { cur = i }
            } else if let o = cur {
                if isPossessive(i, candidates: cands, from: k) { continue }
                if hasWord(o + 1..<i) { pairs.append((o, i)) }
                cur = nil
            }
        }
        return pairs
    }

    /// Pairs double marks nested in a single-quoted (British) stretch.
    private func pairNestedDoubles(_ r: Range<Int>) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var cur: Int?
        for (i, w) in doubleMarks(r) {
            var role = doubleContextRole(i, width: w)
            if role == nil {
                switch text[i] {
                case "\u{201C}", "\u{00AB}", "\u{201E}": role = .open
                case "\u{201D}", "\u{00BB}": role = .close
                default: role = cur == nil ? .open : .close
                }
            }
            if role == .open {
                if cur == nil || text[i] == ScalarClass.leftDouble { cur = i }
            } else if let o = cur {
                if hasWord(o + w..<i) { pairs.append((o, i)) }
                cur = nil
            }
        }
        return pairs
    }

    /// Whether singles, not doubles, are the top-level marks of this document.
    func singlesArePrimary(_ paras: [Range<Int>], marks: [[(Int, Int)]]? = nil,
                           singles singleLists: [[(Int, Role?)]]? = nil) -> Bool {
        var doubles = 0, singles = 0
        for (pi, p) in paras.enumerated() {
            let found = marks?[pi] ?? doubleMarks(p)
            doubles += found.count
            let list = singleLists?[pi] ?? singleMarks(p, skip: Self.skipSet(found))
            for (_, role) in list {
                if let role, role != .apostrophe { singles += 1 }
            }
        }
        if singles != doubles { return singles > doubles }
        // a tie (one British quote with a nested double pair): the first mark decides
        for p in paras {
            for i in p where ScalarClass.isAnyMark(text[i]) {
                if ScalarClass.isDoubleMark(text[i]) { return false }
                if let role = singleRole(i), role != .apostrophe { return true }
            }
        }
        return false
    }

    func stretches() -> [QuoteStretch] {
        stretches(paragraphs: paragraphs())
    }

    /// `stretches()` for a caller that already has `paragraphs()`.
    func stretches(paragraphs paras: [Range<Int>]) -> [QuoteStretch] {
        // Each paragraph's double marks, found once for both passes.
        // One pass finds every mark; each paragraph's doubles and singles are read from it.
        let candidates = markPositions()
        var marks: [[(Int, Int)]] = []
        var singles: [[(Int, Role?)]] = []
        marks.reserveCapacity(paras.count)
        singles.reserveCapacity(paras.count)
        var c = 0
        for p in paras {
            while c < candidates.count && candidates[c] < p.lowerBound { c += 1 }
            var e = c
            while e < candidates.count && candidates[e] < p.upperBound { e += 1 }
            let found = doubleMarks(p, candidates: candidates[c..<e])
            marks.append(found)
            singles.append(singleMarks(candidates[c..<e], skip: Self.skipSet(found)))
            c = e
        }
        let singlesPrimary = singlesArePrimary(paras, marks: marks, singles: singles)
        var out: [QuoteStretch] = []
        var carry = false
        for (pi, p) in paras.enumerated() {
            var found = singlesPrimary ? primarySingles(p, paragraph: pi, carry: &carry)
                                       : primaryDoubles(p, paragraph: pi, carry: &carry, marks: marks[pi],
                                                        singles: singles[pi])
            found = found.filter { hasWord($0.inner) }
            found.sort { $0.inner.lowerBound < $1.inner.lowerBound }
            out.append(contentsOf: found)
        }
        return out
    }

    private func gaps(_ p: Range<Int>, covered: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var pos = p.lowerBound
        for c in covered.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if c.lowerBound > pos { result.append(pos..<c.lowerBound) }
            pos = Swift.max(pos, c.upperBound)
        }
        if pos < p.upperBound { result.append(pos..<p.upperBound) }
        return result
    }

    /// Positions covered by double marks ('' covers two). Only a two-scalar mark covers a
    /// single-mark scalar (a one-scalar double mark is ", “, ”, «, » or „), so only those are
    /// kept: most paragraphs then need no set at all.
    static func skipSet(_ marks: [(Int, Int)]) -> Set<Int> {
        guard marks.contains(where: { $0.1 > 1 }) else { return [] }
        return Set(marks.filter { $0.1 > 1 }.flatMap { (i, w) in (i..<(i + w)) })
    }

    private func primaryDoubles(_ p: Range<Int>, paragraph pi: Int, carry: inout Bool, marks: [(Int, Int)],
                                singles: [(Int, Role?)]) -> [QuoteStretch] {
        // most paragraphs have no mark: nothing opens, closes or carries on
        if marks.isEmpty && singles.isEmpty {
            carry = false
            return []
        }
        // a paragraph has a few marks: searched in turn rather than hashed into a dictionary
        func width(_ i: Int) -> Int? { marks.first(where: { $0.0 == i })?.1 }
        var stack: [Int] = []
        var pairs: [(Int?, Int?, Bool)] = []   // open, close, continued
        var firstRole: Role?
        var orphans: [Int] = []
        for (i, w) in marks {
            var role = doubleContextRole(i, width: w)
            if role == nil {
                switch text[i] {
                case "\u{201C}", "\u{00AB}", "\u{201E}": role = .open
                case "\u{201D}", "\u{00BB}": role = .close
                default: role = stack.isEmpty ? .open : .close
                }
            }
            if firstRole == nil { firstRole = role }
            if role == .open {
                stack.append(i)
            } else if let o = stack.popLast() {
                if stack.isEmpty { pairs.append((o, i, false)) }
            } else {
                orphans.append(i)
            }
        }
        if carry && firstRole == .close, let c = orphans.first {
            pairs.insert((nil, c, true), at: 0)
        }
        carry = false
        var unclosed = false
        if let o = stack.first {
            pairs.append((o, nil, false))
            carry = true
            unclosed = true
        }
        var result: [QuoteStretch] = []
        for (o, c, continued) in pairs {
            let s = o.map { $0 + (width($0) ?? 1) } ?? p.lowerBound
            let e = c ?? p.upperBound
            var st = QuoteStretch(open: o, close: c, openWidth: o.flatMap { width($0) } ?? 1,
                                  closeWidth: c.flatMap { width($0) } ?? 1,
                                  inner: trimmed(s, e), paragraph: pi)
            st.continued = continued
            st.unclosed = c == nil && unclosed
            st.nested = pairSingles(s..<e, marks: singles).map { trimmed($0.0 + 1, $0.1) }
            result.append(st)
        }
        for g in gaps(p, covered: result.map(\.outer)) {
            for (o, c) in pairSingles(g, marks: singles) {
                result.append(QuoteStretch(open: o, close: c, inner: trimmed(o + 1, c), paragraph: pi))
            }
        }
        return result
    }

    private func primarySingles(_ p: Range<Int>, paragraph pi: Int, carry: inout Bool) -> [QuoteStretch] {
        var cands: [(Int, Role)] = []
        for i in p where ScalarClass.isSingleMark(text[i]) {
            if let role = singleRole(i), role != .apostrophe { cands.append((i, role)) }
        }
        // a stack, because British text nests single marks in single marks (‘… the ‘basket’ we suggest …’)
        var pairs: [(Int?, Int?, Bool)] = []
        var stack: [Int] = []
        var nestedPairs: [(Int, Int)] = []
        var firstRole: Role?
        var orphans: [Int] = []
        for (k, (i, role)) in cands.enumerated() {
            if firstRole == nil { firstRole = role }
            if role == .open {
                stack.append(i)
            } else if let o = stack.last {
                if stack.count == 1 && isPossessive(i, candidates: cands, from: k) { continue }
                stack.removeLast()
                guard hasWord(o + 1..<i) else { continue }
                if stack.isEmpty { pairs.append((o, i, false)) } else { nestedPairs.append((o, i)) }
            } else {
                orphans.append(i)
            }
        }
        let cur = stack.first
        if carry && firstRole == .close, let c = orphans.first {
            pairs.insert((nil, c, true), at: 0)
        }
        carry = false
        if let o = cur {
            pairs.append((o, nil, false))
            carry = true
        }
        var result: [QuoteStretch] = []
        for (o, c, continued) in pairs {
            let s = o.map { $0 + 1 } ?? p.lowerBound
            let e = c ?? p.upperBound
            var st = QuoteStretch(open: o, close: c, inner: trimmed(s, e), paragraph: pi)
            st.continued = continued
            st.unclosed = c == nil
            st.nested = (pairNestedDoubles(s..<e) + nestedPairs.filter { $0.0 >= s && $0.1 <= e })
                .map { trimmed($0.0 + 1, $0.1) }
            result.append(st)
        }
        for g in gaps(p, covered: result.map(\.outer)) {
            for (o, c) in pairNestedDoubles(g) {
                result.append(QuoteStretch(open: o, close: c, inner: trimmed(o + 1, c), paragraph: pi))
            }
        }
        return result
    }
}
