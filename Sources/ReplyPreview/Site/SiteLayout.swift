/// Where each page of the site lives, and the frame every page shares. Paths are relative, so the
/// site works from `file://` and from any folder of any static host.
enum SiteLayout {
    static let stylesheet = "assets/preview.css"
    static let script = "assets/preview.js"
    static let index = "index.html"

    static func brandIndex(_ brand: String) -> String { "\(segment(brand))/index.html" }
    static func templatePage(brand: String, template: String) -> String { "\(segment(brand))/templates/\(segment(template)).html" }
    /// From a brand's index to one of its template pages.
    static func templateLink(_ template: String) -> String { "templates/\(segment(template)).html" }

    /// A path segment made of `name`: letters, digits, `-` and `_` as they are, `.` except first,
    /// every other byte as `~XX`. Brand folders and template ids come from packs: nothing in them
    /// may climb out of the site or name another page.
    static func segment(_ name: String) -> String {
        var out = ""
        for (index, byte) in name.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ".") where index > 0:
                out += "."
            default:
                let hex = Array("0123456789ABCDEF")
                out += "~"
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out.isEmpty ? "~" : out
    }

    /// A whole page: `depth` is how many folders below the site's root it is.
    static func page(title: String, depth: Int, withScript: Bool, body: (inout HTMLWriter) -> Void) -> [UInt8] {
        let up = String(repeating: "../", count: depth)
        var html = HTMLWriter(capacity: 16 * 1024)
        html.trusted("<!DOCTYPE html>\n")
        html.open("html", [("lang", "en"), ("dir", "ltr")])
        html.open("head")
        html.trusted("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\">")
        html.element("title", text: title)
        html.open("link", [("rel", "stylesheet"), ("href", up + stylesheet)])
        if withScript { html.element("script", [("src", up + script), ("defer", "")], text: "") }
        html.close("head")
        html.open("body")
        html.element("a", [("class", "skip"), ("href", "#main")], text: "Skip to content")
        html.open("main", [("id", "main")])
        body(&html)
        html.close("main")
        html.close("body")
        html.close("html")
        html.trusted("\n")
        return html.bytes
    }
}
