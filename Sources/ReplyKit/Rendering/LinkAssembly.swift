internal import TweetText

/// The deep link a DM template ends with: the brand's link, the prefill percent-encoded, the
/// welcome message. Measured first, then written straight into the reply.
struct LinkAssembly {
    private let brand: ReplyLibrary.BrandEntry
    private let prefix: String
    /// The prefill as it renders, when its pieces cannot be encoded one by one (a value or a seam
    /// that NFC could change): normalised once here.
    private let prefillText: String?
    private let prefill: ReplyAssembly?
    private let welcome: String?
    /// The prefill's length once percent-encoded.
    private let encodedCount: Int
    /// The link's length in UTF-8 bytes, separator excluded.
    let byteCount: Int
    /// What stands between the text and the link.
    var separator: String { brand.brand.separator }
    /// The separator starts and ends with whitespace and is NFC: nothing before it runs into the link.
    var separatorIsWall: Bool { brand.separatorIsWall }
    /// What the separator and the link add to the reply's weight, when the link counts as one URL.
    var weight: Int { brand.linkWeight }

    init(_ brand: ReplyLibrary.BrandEntry, _ template: CompiledTemplate, prefill message: MessageProgram?,
         values: [CheckedValue], plural: PluralRules, template name: String) throws(RenderError) {
        guard let prefix = brand.linkPrefix else {
            throw RenderError(.templateInvalid, "`\(name)` hands off to DMs, but brand `\(brand.brand.id)` has no `account.user_id` (run `replykit lint`)")
        }
        guard brand.brand.dmOpen else {
            throw RenderError(.templateInvalid, "`\(name)` hands off to DMs, but brand `\(brand.brand.id)` does not take DMs from anyone, so X would show no button (run `replykit lint`)")
        }
        self.brand = brand
        self.prefix = prefix
        welcome = template.welcomeMessageID
        var encoded = 0
        if let message {
            let pieces = ReplyAssembly(message, values: values, plural: plural, encoded: true)
            if pieces.staysNFC {
                (prefill, prefillText) = (pieces, nil)
                encoded = pieces.encodedBytes
            } else {
                let text = TwitterText.nfc(pieces.text()).text
                (prefill, prefillText) = (nil, text)
                encoded = DeepLink.encodedCount(text)
            }
        } else {
            (prefill, prefillText) = (nil, nil)
        }
        encodedCount = encoded
        var count = prefix.utf8.count
        if encoded > 0 { count += DeepLink.textParameter.utf8.count + encoded }
        if let welcome { count += DeepLink.welcomeParameter.utf8.count + welcome.utf8.count }
        byteCount = count
    }

    func write(into writer: inout BoundedWriter) {
        writer.write(separator)
        writer.write(prefix)
        if encodedCount > 0 {
            writer.write(DeepLink.textParameter)
            if let prefillText {
                writer.percentEncode(prefillText)
            } else {
                prefill?.forEachText { writer.percentEncode($0) }
            }
        }
        if let welcome {
            writer.write(DeepLink.welcomeParameter)
            writer.write(welcome)
        }
    }
}
