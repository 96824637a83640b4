import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// Characters that show nothing: zero-width and bidi controls, soft hyphen, BOM, other format characters.
enum InvisibleCharacters {
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0F, 0xFE0E: false  // joiners and variation selectors build emoji sequences
        case 0xE0020...0xE007F: false  // emoji tag sequences (subdivision flags)
        default: ScalarSet.format.contains(scalar)
        }
    }
}
