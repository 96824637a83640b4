package import ReplyKitSupport
/// A BCP 47 language tag (`en`, `es-MX`, `zh-Hant-TW`), compared case-insensitively.
///
/// Accepts language (2–3 or 5–8 letters), an optional script (4 letters), an optional region
/// (2 letters or 3 digits) and variants (5–8 alphanumerics, or a digit and 3 alphanumerics).
public struct LocaleTag: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The canonical spelling: `es-MX`, `zh-Hant`, `es-419`.
    public let canonical: String
    /// The subtags of `canonical`, in order.
    public let subtags: [String]

    /// Parses `text`; nil when it is not a well-formed tag. Subtags are ASCII: anything else is not
    /// well-formed.
    public init?(_ text: String) {
        /// Where a subtag may stand: a script only right after the language, a region only before
        /// the variants.
        enum Stage { case script, region, variants }
        var result: [String] = []
        var stage = Stage.script
        for part in text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false) {
            var letters = true, digits = true
            for byte in part {
                let letter = (0x61...0x7A).contains(byte | 0x20)
                let digit = (0x30...0x39).contains(byte)
                letters = letters && letter
                digits = digits && digit
                guard letter || digit else { return nil }
            }
            let count = part.count
            let subtag = String(decoding: part, as: UTF8.self)
            if result.isEmpty {
                guard letters, (2...3).contains(count) || (5...8).contains(count) else { return nil }
                result.append(subtag.lowercased())
            } else if stage == .script, count == 4, letters {
                result.append(subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased())
                stage = .region
            } else if stage != .variants, (count == 2 && letters) || (count == 3 && digits) {
                result.append(subtag.uppercased())
                stage = .variants
            } else {
                guard (5...8).contains(count) || (count == 4 && (0x30...0x39).contains(part.first!)) else { return nil }
                result.append(subtag.lowercased())
                stage = .variants
            }
        }
        subtags = result
        canonical = result.joined(separator: "-")
    }

    public var language: String { subtags[0] }

    /// The tag without its last subtag (`zh-Hant-TW` → `zh-Hant`); nil for a bare language.
    public var truncated: LocaleTag? {
        subtags.count > 1 ? LocaleTag(subtags.dropLast().joined(separator: "-")) : nil
    }

    public var description: String { canonical }

    public static func < (lhs: LocaleTag, rhs: LocaleTag) -> Bool { lhs.canonical < rhs.canonical }
}
