public import ReplyKit
package import ReplyKitSupport
/// Why a template text is not valid template syntax, and where (UTF-8 offsets into the text).
public struct TemplateSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var span: Range<Int>
    public var notes: [String]
    public var help: String?

    public init(_ message: String, span: Range<Int>, notes: [String] = [], help: String? = nil) {
        self.message = message
        self.span = span
        self.notes = notes
        self.help = help
    }
}
