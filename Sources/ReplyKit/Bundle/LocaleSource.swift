package import ReplyKitSupport

/// One of a repository's own locale data files (`locales/<tag>.yaml`), as written.
///
/// A bundle carries them so that `replykit check` reads the same copy-safety terms from a bundle as
/// from the packs; rendering never reads them. Kept as the file's text, not as parsed data, so the
/// bundle follows whatever the locale data format holds.
package struct LocaleSource: Sendable, Hashable, BundleCodable {
    /// The path the file was read from, for messages.
    package var file: String
    package var text: String

    package init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    package static var blank: LocaleSource { LocaleSource(file: "", text: "") }

    package static var fields: [BundleField<LocaleSource>] {
        [.string("file", \.file), .string("text", \.text)]
    }
}
