import Foundation
import ReplyKit
import ReplyCompiler

/// The copy-safety grammar of each locale asked for, built on first use from one catalogue's
/// locale data: a grammar takes far longer to build than a reply takes to check or a pack to lint.
/// A checker keeps one (`--jsonl` checks many replies in one locale), and so does the language
/// server, from one edit's lint to the next. A locale that no locale data covers is remembered as nil.
package final class CopySafetyCache: @unchecked Sendable {
    private let catalog: LocaleCatalog
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var built: [LocaleTag: CopySafety?] = [:]
    /// Locale tags as callers write them, parsed: a batch gives the same few strings again and
    /// again. Guarded by `lock`.
    private var tags: [String: LocaleTag] = [:]
    /// How many grammars and tags are kept: a stream of made-up locales is parsed and built each
    /// time rather than filling memory.
    static let capacity = 256

    package init(_ catalog: LocaleCatalog) { self.catalog = catalog }

    /// `text` as a locale tag; nil when it is not one.
    func tag(_ text: String) -> LocaleTag? {
        if let found = lock.withLock({ tags[text] }) { return found }
        guard let parsed = LocaleTag(text) else { return nil }
        lock.withLock { if tags.count < Self.capacity { tags[text] = parsed } }
        return parsed
    }

    /// The grammar for `locale`; nil when no locale data covers it, and the checks cannot run.
    func copySafety(_ locale: LocaleTag) -> CopySafety? {
        if let found = lock.withLock({ built[locale] }) { return found }
        // Built outside the lock: two threads may both build one, and either copy is the same.
        let made = catalog.resolve(locale) == nil ? nil : CopySafety(locale: locale, catalog: catalog)
        lock.withLock { if built.count < Self.capacity { built[locale] = made } }
        return made
    }
}
