import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

extension TweetEntity {
    /// The entity's range as UTF-8 offsets into `text` (TweetText counts UTF-16).
    func utf8Range(in text: String) -> Range<Int> {
        // In ASCII text (most replies with a link) the two offsets are the same.
        if text.utf8.count == text.utf16.count { return range.clamped(to: 0..<text.utf8.count) }
        let utf16 = text.utf16
        func offset(_ units: Int) -> Int {
            let index = utf16.index(utf16.startIndex, offsetBy: min(max(units, 0), utf16.count))
            return text.utf8.distance(from: text.utf8.startIndex, to: index)
        }
        return offset(range.lowerBound)..<offset(range.upperBound)
    }
}
