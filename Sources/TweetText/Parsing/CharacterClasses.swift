/// The character classes of twitter-text's regular expressions, as predicates on UTF-16 units
/// (JavaScript regular expressions without the `u` flag match units, and so do these).
enum ASCII {
    @inline(__always) static func lowercased(_ u: UInt16) -> UInt16 {
        (u >= 0x41 && u <= 0x5A) ? u | 0x20 : u
    }
    @inline(__always) static func isLetter(_ u: UInt16) -> Bool { (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    @inline(__always) static func isAlphanumeric(_ u: UInt16) -> Bool { isLetter(u) || isDigit(u) }
}

/// A set of ASCII characters as a 128-bit mask.
///
/// The sets below are written as constant masks in computed properties: a `static let` would cost a
/// lazy-initialisation check on every use in the scanners' inner loops. `ASCIISetTests` checks each
/// mask against its readable definition.
struct ASCIISet {
    let low: UInt64
    let high: UInt64

    @inline(__always) init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init(_ characters: String, letters: Bool = false, digits: Bool = false) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var all = Array(characters.utf8)
        if letters { all += Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8) }
        if digits { all += Array("0123456789".utf8) }
        for b in all {
            if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
        }
        self.low = low
        self.high = high
    }

    @inline(__always) func contains(_ u: UInt16) -> Bool {
        if u < 64 { return low & (1 << UInt64(u)) != 0 }
        if u < 128 { return high & (1 << UInt64(u - 64)) != 0 }
        return false
    }
}

enum CharacterClass {
    // MARK: Shared sets

    /// twitter-text's `punct`: ASCII punctuation except `"` and `` ` ``.
    /// `ASCIISet("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$")` as constant masks.
    static var punctuation: ASCIISet { ASCIISet(low: 0xFC00FFFA00000000, high: 0x78000000F8000001) }

    /// twitter-text's `spaces`.
    @inline(__always) static func isSpace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
             0x205F, 0x3000: return true
        default: return false
        }
    }

    /// JavaScript's `\s`.
    @inline(__always) static func isJSWhitespace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
             0xFEFF: return true
        default: return false
        }
    }

    /// U+FFFE, U+FEFF and U+FFFF: a tweet containing one is invalid.
    @inline(__always) static func isInvalid(_ u: UInt16) -> Bool {
        u >= 0xFEFF && (u == 0xFEFF || u >= 0xFFFE)
    }

    /// Bidirectional formatting characters, which may stand right before a URL.
    @inline(__always) static func isDirectional(_ u: UInt16) -> Bool {
        switch u {
        case 0x202A...0x202E, 0x061C, 0x200E, 0x200F, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// twitter-text's `latinAccentChars`.
    @inline(__always) static func isLatinAccent(_ u: UInt16) -> Bool {
        switch u {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x0100...0x024F, 0x0253, 0x0254, 0x0256, 0x0257,
             0x0259, 0x025B, 0x0263, 0x0268, 0x026F, 0x0272, 0x0289, 0x028B, 0x02BB, 0x0300...0x036F,
             0x1E00...0x1EFF: return true
        default: return false
        }
    }

    @inline(__always) static func isCyrillic(_ u: UInt16) -> Bool { u >= 0x0400 && u <= 0x04FF }

    // MARK: URLs

    /// `ASCIISet("@$#", letters: true, digits: true)` as constant masks.
    static var urlPrecedingExcluded: ASCIISet { ASCIISet(low: 0x03FF001800000000, high: 0x07FFFFFE07FFFFFF) }

    /// Whether `u` may stand right before a URL (`validUrlPrecedingChars`).
    @inline(__always) static func isURLPreceding(_ u: UInt16) -> Bool {
        if u < 128 { return !urlPrecedingExcluded.contains(u) }
        return u != 0xFF20 && u != 0xFF03 && !isInvalid(u)
    }

    /// `validDomainChars`: anything but punctuation, spaces and invalid characters.
    @inline(__always) static func isDomainChar(_ u: UInt16) -> Bool {
        if u < 128 { return !punctuation.contains(u) && !isSpace(u) }
        return !isSpace(u) && !isInvalid(u)
    }

    /// The characters of a label in `validAsciiDomain`.
    @inline(__always) static func isASCIIDomainChar(_ u: UInt16) -> Bool {
        u < 128 ? (ASCII.isAlphanumeric(u) || u == 0x2D) : isLatinAccent(u)
    }

    /// `ASCIISet("!*';:=+,.$/%#[]-_~@|&", letters: true, digits: true)` as constant masks.
    static var pathGeneral: ASCIISet { ASCIISet(low: 0x2FFFFCFA00000000, high: 0x57FFFFFEAFFFFFFF) }
    /// `ASCIISet("+-=_#/", letters: true, digits: true)` as constant masks.
    static var pathEnding: ASCIISet { ASCIISet(low: 0x23FFA80800000000, high: 0x07FFFFFE87FFFFFE) }
    /// `ASCIISet("!?*'@();:&=+$/%#[]-_.,~|", letters: true, digits: true)` as constant masks.
    static var query: ASCIISet { ASCIISet(low: 0xAFFFFFFA00000000, high: 0x57FFFFFEAFFFFFFF) }
    /// `ASCIISet("-_&=#/", letters: true, digits: true)` as constant masks.
    static var queryEnding: ASCIISet { ASCIISet(low: 0x23FFA04800000000, high: 0x07FFFFFE87FFFFFE) }

    /// `validGeneralUrlPathChars`.
    @inline(__always) static func isPathChar(_ u: UInt16) -> Bool {
        u < 128 ? pathGeneral.contains(u) : (u == 0x2013 || isCyrillic(u) || isLatinAccent(u))
    }

    /// `validUrlPathEndingChars` (without the balanced parentheses alternative).
    @inline(__always) static func isPathEndingChar(_ u: UInt16) -> Bool {
        u < 128 ? pathEnding.contains(u) : (isCyrillic(u) || isLatinAccent(u))
    }

    @inline(__always) static func isQueryChar(_ u: UInt16) -> Bool { query.contains(u) }
    @inline(__always) static func isQueryEndingChar(_ u: UInt16) -> Bool { queryEnding.contains(u) }

    // MARK: Mentions, hashtags, cashtags

    @inline(__always) static func isAtSign(_ u: UInt16) -> Bool { u == 0x40 || u == 0xFF20 }
    @inline(__always) static func isHashSign(_ u: UInt16) -> Bool { u == 0x23 || u == 0xFF03 }

    /// `[a-zA-Z0-9_]`, the characters of a screen name.
    @inline(__always) static func isScreenNameChar(_ u: UInt16) -> Bool {
        ASCII.isAlphanumeric(u) || u == 0x5F
    }

    /// `ASCIISet("_!#$%&*@", letters: true, digits: true)` as constant masks.
    static var mentionPrecedingExcluded: ASCIISet { ASCIISet(low: 0x03FF047A00000000, high: 0x07FFFFFE87FFFFFF) }
    /// `ASCIISet("_+~.-", letters: true, digits: true)` as constant masks.
    static var retweetPrecedingExcluded: ASCIISet { ASCIISet(low: 0x03FF680000000000, high: 0x47FFFFFE87FFFFFE) }

    /// A unit that may stand right before an at sign.
    @inline(__always) static func isMentionPreceding(_ u: UInt16) -> Bool {
        u < 128 ? !mentionPrecedingExcluded.contains(u) : u != 0xFF20
    }

    /// A unit that may stand right before `RT` in `RT@name`.
    @inline(__always) static func isRetweetPreceding(_ u: UInt16) -> Bool {
        u < 128 ? !retweetPrecedingExcluded.contains(u) : true
    }

    /// Hashtag characters twitter-text adds to letters, marks and digits.
    @inline(__always) static func isHashtagSpecial(_ value: UInt32) -> Bool {
        switch value {
        case 0x5F, 0x200C, 0x200D, 0xA67E, 0x05BE, 0x05F3, 0x05F4, 0xFF5E, 0x301C, 0x309B, 0x309C,
             0x30A0, 0x30FB, 0x3003, 0x0F0B, 0x0F0C, 0x00B7: return true
        default: return false
        }
    }

    /// `hashtagAlpha`: letters and marks.
    @inline(__always) static func isHashtagLetter(_ value: UInt32) -> Bool {
        if value < 128 { return ASCII.isLetter(UInt16(value)) }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// `hashtagAlphaNumeric`: letters, marks, decimal digits and the special characters.
    @inline(__always) static func isHashtagAlphanumeric(_ value: UInt32) -> Bool {
        if value < 128 { return ASCII.isAlphanumeric(UInt16(value)) || value == 0x5F }
        if isHashtagSpecial(value) || isHashtagLetter(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }
}
