package import Foundation
internal import Synchronization

/// The library an instance serves, swapped whole on a reload.
///
/// Requests read the current library under a lock held only for the read; a reload loads and
/// checks the new library outside it (off the request path) and swaps it in at once, so a request
/// sees one version throughout, and a refused version never replaces the one serving.
package final class LibraryStore: Sendable {
    package let path: String
    private let current: Mutex<ServedLibrary?>
    /// One reload at a time: a SIGHUP during a reload waits for it rather than racing it.
    private let reloading = Mutex<Bool>(false)

    /// What a reload did.
    package enum ReloadOutcome: Sendable {
        case loaded(ServedLibrary)
        /// The version is the one already serving: nothing swapped.
        case unchanged(ServedLibrary)
        case refused(ServedLibrary.LoadFailure)
        /// Another reload was under way.
        case busy
    }

    package init(path: String) {
        self.path = path
        current = Mutex(nil)
    }

    package init(serving library: ServedLibrary) {
        path = library.source
        current = Mutex(library)
    }

    /// The library serving now; nil before the first successful load.
    package var library: ServedLibrary? { current.withLock { $0 } }

    /// Loads `path` again and swaps the result in when it loads and lint passes it.
    package func reload() -> ReloadOutcome {
        let started = reloading.withLock { busy in
            if busy { return false }
            busy = true
            return true
        }
        guard started else { return .busy }
        defer { reloading.withLock { $0 = false } }
        switch ServedLibrary.load(path) {
        case .failure(let failure):
            return .refused(failure)
        case .success(let loaded):
            return current.withLock { serving in
                if let old = serving, old.version == loaded.version { return .unchanged(old) }
                serving = loaded
                return .loaded(loaded)
            }
        }
    }
}
