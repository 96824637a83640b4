/// A BCP 47 language tag (`en`, `es-MX`, `zh-Hant-TW`), compared case-insensitively.
///
/// Accepts language (2–3 or 5–8 letters), an optional script (4 letters), an optional region
/// (2 letters or 3 digits) and variants (5–8 alphanumerics, or a digit and 3 alphanumerics).
public struct LocaleTag: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The canonical spelling: `es-MX`, `zh-Hant`, `es-419`.
    public let canonical: String
    /// The subtags of `canonical`, in order.
    public let subtags: [String]

    /// Parses `text`; nil when it is not a well-formed tag.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let language = parts.first, !language.isEmpty else { return nil }
        func letters(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic } }
        func alnum(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) } }
        func digits(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        guard letters(language), (2...3).contains(language.count) || (5...8).contains(language.count) else { return nil }
        var result = [language.lowercased()]
        var index = 1
        if index < parts.count, parts[index].count == 4, letters(parts[index]) {
            result.append(parts[index].prefix(1).uppercased() + parts[index].dropFirst().lowercased())
            index += 1
        }
        if index < parts.count,
           (parts[index].count == 2 && letters(parts[index])) || (parts[index].count == 3 && digits(parts[index])) {
            result.append(parts[index].uppercased())
            index += 1
        }
        while index < parts.count {
            let variant = parts[index]
            guard alnum(variant),
                  (5...8).contains(variant.count) || (variant.count == 4 && digits(String(variant.prefix(1))))
            else { return nil }
            result.append(variant.lowercased())
            index += 1
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
