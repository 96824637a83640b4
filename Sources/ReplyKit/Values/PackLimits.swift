/// The bounds of the numbers a pack may hold, checked where they are read: a value outside them is a
/// `schema` error naming the key, the value and the bound, never a number the checks add up.
///
/// Every bound is far below where arithmetic on it could overflow: the worst case of a reply adds
/// up lengths, and a number's length is the count of its digits. Public and in one place, so that
/// a reader of the same numbers from elsewhere (a compiled bundle) can hold them to the same bounds.
public enum PackLimits {
    /// The values a key accepts, and why those.
    public struct Bound: Sendable, Hashable {
        public let range: ClosedRange<Int>
        /// Where the bound comes from, as a diagnostic's note says it.
        public let reason: String

        /// The bound as messages show it: `1…10,000`.
        public var text: String { "\(PackLimits.grouped(range.lowerBound))…\(PackLimits.grouped(range.upperBound))" }

        public func contains(_ value: Int) -> Bool { range.contains(value) }
    }

    /// A text variable's `max_length`, in weighted characters. A value is part of a reply or of a
    /// DM prefill, and a prefill holds at most 10,000 characters (`prefill-too-long`).
    public static let textMaxLength = Bound(
        range: 1...10_000, reason: "a value is part of a reply or a DM prefill, and a prefill holds at most 10,000 characters")

    /// A brand's `max_length`, in weighted characters: X's longest post (a Premium long post) is
    /// 25,000 characters.
    public static let brandMaxLength = Bound(range: 1...25_000, reason: "X's longest post is 25,000 characters")

    /// A number variable's `min` and `max`: at most 15 digits either side of zero, which a JSON
    /// number (a double) holds exactly, and whose lengths and sums stay far from `Int`'s bounds.
    public static let number = Bound(
        range: -999_999_999_999_999...999_999_999_999_999,
        reason: "a number has at most 15 digits, which a JSON number holds exactly")

    /// An integer with its thousands grouped by commas: `-1,000`.
    package static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
