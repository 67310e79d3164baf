import Evidex

/// A search thread's searchers: a `Searcher` is for one thread and keeps per-segment length
/// norms, so each thread keeps one per commit it serves rather than one per request. Two are
/// kept while requests on the previous commit finish after a switch.
struct SearcherCache {
    private var entries: [(index: ServedIndex, searcher: Searcher)] = []

    mutating func searcher(for index: ServedIndex) throws(SearchError) -> Searcher {
        if let e = entries.first(where: { $0.index === index }) { return e.searcher }
        let s = try Searcher(snapshot: index.snapshot, organisations: index.organisations)
        entries.insert((index, s), at: 0)
        if entries.count > 2 { entries.removeLast() }
        return s
    }
}
