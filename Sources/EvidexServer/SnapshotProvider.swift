import Evidex
import Logging
import Synchronization

/// Hands each request the index's latest commit. Every `refreshInterval` at most, one request
/// looks at MANIFEST's stamp (a `stat`); when another process (`evidex index`) has committed,
/// that request opens the new commit and later requests get it. Requests already running keep
/// the snapshot they hold: segment files are never changed in place and stay mapped after a
/// merge unlinks them. If the new commit cannot be opened (a writer deleting files mid-open,
/// say), the old one goes on serving and the next check tries again.
public final class SnapshotProvider: Sendable {
    public let directory: String
    let refreshInterval: Duration
    let logger: Logger

    private struct State {
        var current: ServedIndex
        var lastCheck: ContinuousClock.Instant
        var checking = false
        /// The stamp whose commit failed to open, so that a lasting failure is logged once.
        var failedStamp: ManifestStamp?
    }

    private let state: Mutex<State>

    public init(directory: String, refreshInterval: Duration, logger: Logger) throws(IndexError) {
        self.directory = directory
        self.refreshInterval = refreshInterval
        self.logger = logger
        state = Mutex(State(current: try ServedIndex(directory: directory), lastCheck: .now))
    }

    /// The commit to answer a request from.
    public func current() -> ServedIndex {
        let now = ContinuousClock.now
        let (index, check) = state.withLock { s -> (ServedIndex, Bool) in
            guard !s.checking, now - s.lastCheck >= refreshInterval else { return (s.current, false) }
            s.checking = true
            s.lastCheck = now
            return (s.current, true)
        }
        guard check else { return index }
        let fresh = reopenIfChanged(index)
        state.withLock { s in
            s.checking = false
            if let fresh { s.current = fresh }
        }
        return fresh ?? index
    }

    /// Opens the index again when MANIFEST is not the one `index` was opened from.
    private func reopenIfChanged(_ index: ServedIndex) -> ServedIndex? {
        let stamp = ManifestStamp(path: directory + "/" + Manifest.fileName)
        guard let stamp, stamp != index.stamp else { return nil }
        do {
            let fresh = try ServedIndex(directory: directory)
            guard fresh.generation != index.generation || fresh.stamp != index.stamp else { return nil }
            logger.info("serving a new commit", metadata: [
                "generation": "\(fresh.generation)", "previous": "\(index.generation)",
                "documents": "\(fresh.snapshot.liveDocCount)",
            ])
            return fresh
        } catch {
            let firstTime = state.withLock { s in
                defer { s.failedStamp = stamp }
                return s.failedStamp != stamp
            }
            if firstTime {
                logger.warning("a new commit could not be opened; still serving the previous one",
                               metadata: ["generation": "\(index.generation)", "error": "\(error)"])
            }
            return nil
        }
    }
}
