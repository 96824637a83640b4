/// A small builder of HTML, as UTF-8: element names and attribute names are the caller's
/// constants; attribute values and text are always escaped.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// `<name a="v" …>`; a nil value leaves the attribute out, an empty one writes it bare.
    @inline(__always)
    mutating func open(_ name: StaticString, _ attributes: [(StaticString, String?)] = []) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        for (key, value) in attributes {
            guard let value else { continue }
            bytes.append(UInt8(ascii: " "))
            raw(key)
            if !value.isEmpty {
                bytes.append(UInt8(ascii: "="))
                bytes.append(UInt8(ascii: "\""))
                HTMLText.escape(value, into: &bytes)
                bytes.append(UInt8(ascii: "\""))
            }
        }
        bytes.append(UInt8(ascii: ">"))
    }

    @inline(__always)
    mutating func close(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// An element holding `text` only.
    @inline(__always)
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String?)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    mutating func text(_ text: some StringProtocol) { HTMLText.escape(text, into: &bytes) }

    /// Text given as UTF-8, escaped.
    mutating func text(utf8: Slice<UnsafeBufferPointer<UInt8>>) { HTMLText.escape(bytes: utf8, into: &bytes) }

    /// Markup this module wrote itself (the doctype, a constant head): never pack text.
    mutating func trusted(_ markup: StaticString) { raw(markup) }

    private mutating func raw(_ constant: StaticString) {
        constant.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
