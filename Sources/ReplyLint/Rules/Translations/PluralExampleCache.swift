import Foundation
import ReplyKit
import ReplyCompiler

/// What ``PluralCategoriesRule`` found missing for a locale, a variable's range and a plural's
/// branch keys, shared by every batch of one lint: brands repeat their variables in every pack and
/// locale, and finding the categories a range reaches tries up to 2,002 numbers.
final class PluralExampleCache: @unchecked Sendable {
    struct Key: Hashable {
        var locale: String
        var min: Int
        var max: Int
        var keys: [Message.Key]
    }

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var found: [Key: [(PluralCategory, [Int])]] = [:]

    /// The missing categories with up to three example numbers each, made by `make` the first time.
    func missing(_ key: Key, make: () -> [(PluralCategory, [Int])]) -> [(PluralCategory, [Int])] {
        if let known = lock.withLock({ found[key] }) { return known }
        // Made outside the lock: two batches may both make one, and either is the same.
        let made = make()
        lock.withLock { found[key] = made }
        return made
    }
}
