import TweetText

/// One reply drawn as X draws a reply: the account, the text with its entities, the DM button
/// under it when the deep link is last, and a ring for the weighted length against the limit.
struct ReplyCard {
    /// Who posts it.
    struct Account {
        var name: String
        var handle: String?
    }

    enum Body {
        /// A rendered reply, exactly as `render` gives it.
        case rendered(String)
        /// The worst case: the text before the deep link, and the prefill (both at their longest).
        case worstCase(WorstCase, dm: Bool, prefill: WorstCase?)
    }

    var account: Account
    /// The pack's canonical tag.
    var locale: String
    var body: Body
    /// The weighted length the ring shows; nil when it could not be measured.
    var weightedLength: Int?
    var limit: Int
    /// What the card shows, for the ring's and the card's labels ("example values", "worst case").
    var caption: String
    /// The variant's 0-based index, for tests that match cards with `replykit render --variant`.
    var variant: Int

    /// The languages written right to left, by primary language subtag.
    static let rightToLeft: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"]

    static func direction(of locale: String) -> String {
        let language = locale.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return rightToLeft.contains(language) ? "rtl" : "ltr"
    }

    /// Writes the card; `id` makes its element ids unique on the page.
    func write(into html: inout HTMLWriter, id: String) {
        let kind: String
        if case .rendered = body { kind = "card example" } else { kind = "card worst" }
        html.open("article", [("class", kind), ("aria-label", "\(caption): reply by \(account.name)"), ("data-variant", String(variant))])
        html.open("header", [("class", "card-head")])
        html.element("span", [("class", "avatar"), ("aria-hidden", "true")], text: String(account.name.prefix(1)))
        html.open("span", [("class", "who")])
        html.element("span", [("class", "name")], text: account.name)
        if let handle = account.handle { html.element("span", [("class", "handle")], text: "@" + handle) }
        html.close("span")
        html.close("header")
        var button: (shown: Bool, prefill: [WorstCase.Piece]?, text: String?) = (false, nil, nil)
        html.open("p", [("class", "card-text"), ("lang", locale), ("dir", Self.direction(of: locale))])
        switch body {
        case .rendered(let text):
            let entities = TwitterText.extractEntities(text)
            let link = DeepLinkButton.find(in: text, urls: entities.filter { $0.kind == .url })
            CardText.write(text, entities: entities, upTo: link?.start, trimmingEnd: link != nil, into: &html)
            if let link { button = (true, nil, link.prefill) }
        case .worstCase(let worst, let dm, let prefill):
            Self.write(worst, into: &html, trimmingEnd: dm)
            if dm { button = (true, prefill?.pieces ?? [], nil) }
        }
        html.close("p")
        if button.shown {
            let prefillID = "\(id)-prefill"
            let hasPrefill = button.text.map { !$0.isEmpty } ?? !(button.prefill ?? []).isEmpty
            html.open("div", [("class", "dm")])
            html.open("button", [("type", "button"), ("class", "dm-button"), ("lang", "en"), ("dir", "ltr"),
                                 ("aria-describedby", hasPrefill ? prefillID : nil)])
            html.text("Send a private message")
            html.close("button")
            if hasPrefill {
                html.open("p", [("class", "prefill"), ("id", prefillID)])
                html.element("span", [("class", "prefill-label"), ("lang", "en"), ("dir", "ltr")], text: "Prefilled message: ")
                html.open("q", [("lang", locale), ("dir", Self.direction(of: locale))])
                if let text = button.text { html.text(text) } else if let pieces = button.prefill {
                    Self.write(WorstCase(pieces: pieces), into: &html, trimmingEnd: false)
                }
                html.close("q")
                html.close("p")
            }
            html.close("div")
        }
        writeRing(into: &html)
        html.close("article")
    }

    private static func write(_ worst: WorstCase, into html: inout HTMLWriter, trimmingEnd: Bool) {
        for (index, piece) in worst.pieces.enumerated() {
            switch piece {
            case .literal(let text):
                CardText.write(text, entities: TwitterText.extractEntities(text),
                               trimmingEnd: trimmingEnd && index == worst.pieces.count - 1, into: &html)
            case .slot(let name, let shown, let weight):
                html.element("mark", [("class", "slot"), ("title", "\(name): at its longest, \(weight) weighted characters")], text: shown)
            }
        }
    }

    private func writeRing(into html: inout HTMLWriter) {
        let figure = weightedLength.map(String.init) ?? "?"
        let state: String
        let percent: Int
        if let weightedLength, limit > 0 {
            state = weightedLength > limit ? "over" : weightedLength > limit - 20 ? "near" : "ok"
            percent = min(100, weightedLength.multipliedReportingOverflow(by: 100).overflow ? 100 : weightedLength * 100 / limit)
        } else {
            state = "unknown"
            percent = 0
        }
        let label = weightedLength.map { "\($0) of \(limit) weighted characters, \(caption)" }
            ?? "weighted length unknown (the text does not parse), limit \(limit)"
        html.open("footer", [("class", "card-foot")])
        html.element("span", [("class", "card-caption")], text: caption)
        // The ring is drawn by the stylesheet from `--p`, the share of the limit used.
        html.open("div", [("class", "ring ring-\(state)"), ("role", "img"), ("aria-label", label), ("style", "--p:\(percent)")])
        html.element("span", [("class", "ring-figure"), ("aria-hidden", "true")], text: figure)
        html.element("span", [("class", "ring-limit"), ("aria-hidden", "true")], text: "/\(limit)")
        html.close("div")
        html.close("footer")
    }
}

extension WorstCase {
    init(pieces: [Piece]) { self.pieces = pieces }
}
