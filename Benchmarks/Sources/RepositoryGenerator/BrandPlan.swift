/// One generated brand: its account, variables and campaigns, and the templates every one of its
/// packs translates. What differs between packs (styles, findings) is chosen when a pack is written.
struct BrandPlan {
    struct Campaign {
        let id: String
        let name: String
        let starts: String
        let ends: String
    }

    /// How a template hands off to DMs.
    struct Handoff {
        let prefill: Phrase?
        let welcomeMessageID: String?
    }

    /// A variant's phrases: what it must say, and what may be dropped to make room.
    struct Variant {
        var opener: Phrase?
        var lead: Phrase?
        let body: [Phrase]
        var tail: Phrase?
        var closer: Phrase?

        var phrases: [Phrase] { [opener, lead].compactMap { $0 } + body + [tail, closer].compactMap { $0 } }

        /// Drops the first optional phrase, in the order sign-off, greeting, second body; false when
        /// none is left.
        mutating func shorten() -> Bool {
            if closer != nil { closer = nil } else if opener != nil { opener = nil } else if tail != nil { tail = nil }
            else if lead != nil { lead = nil } else { return false }
            return true
        }
    }

    struct Template {
        let id: String
        let topic: Topic
        /// Index into the brand's campaigns.
        let campaign: Int?
        var variants: [Variant]
        let multiline: Bool
        let handoff: Handoff?
        let followUp: String?
    }

    let index: Int
    let id: String
    let name: String
    let handle: String
    /// A second account of the brand, which some templates mention.
    let care: String
    let hashtag: String
    let site: String
    let userID: String
    /// Indices into ``RepositoryGenerator/locales``, in the order of the packs.
    let locales: [Int]
    let defaultLocale: Int
    let limit: Int
    let lineBreakBeforeLink: Bool
    let host: String?
    let firstNameLength: Int
    let orderIDLength: Int
    let maxDays: Int
    let maxItems: Int
    let maxPoints: Int
    let tiers: [String]
    let firstNameExample: String
    let cityExample: String
    let campaigns: [Campaign]
    private(set) var templates: [Template] = []

    static let cityLength = 25
    static let agentLength = 3

    var estimate: LengthEstimate {
        LengthEstimate(widths: [
            "first_name": firstNameLength, "city": Self.cityLength, "agent": Self.agentLength,
            "order_id": orderIDLength, "days": String(maxDays).count, "items": String(maxItems).count,
            "points": String(maxPoints).count, "tier": tiers.map(\.count).max() ?? 0,
        ])
    }

    init(index b: Int, localeCount: Int, templateCount: Int) {
        var random = SplitMix64(b, 1)
        let first = ["Nor", "Blu", "Sol", "Ver", "Kai", "Lum", "Ori", "Zen", "Ala", "Mar", "Tes", "Qui", "Rho", "Ube"]
        let second = ["via", "tek", "ora", "lix", "ano", "elo", "ura", "ist", "oma", "ent"]
        let trades = [("Air", "air"), ("Bank", "bank"), ("Mobile", "mobile"), ("Market", "market"),
                      ("Express", "express"), ("Energy", "energy"), ("Rail", "rail"), ("Stream", "stream")]
        let stem = random.pick(first) + random.pick(second)
        let trade = random.pick(trades)
        index = b
        name = "\(stem) \(trade.0)"
        id = "\(stem.lowercased())-\(trade.1)-\(b)"
        handle = String("\(stem)\(trade.0)\(b)".prefix(15))
        care = String("\(stem)Care\(b)".prefix(15))
        hashtag = "\(stem)\(trade.0)"
        site = "\(stem.lowercased())-\(trade.1).com"
        userID = String(3_805_104_374 + b * 7_919)
        let all = Array(0..<min(max(localeCount, 1), RepositoryGenerator.locales.count))
        // Most brands write in English first; some in Japanese, Spanish or German.
        let preferred = [0, 0, 0, 0, 0, 0, 1, 3, 5].filter(all.contains)
        let defaultLocale = random.pick(preferred)
        self.defaultLocale = defaultLocale
        locales = [defaultLocale] + all.filter { $0 != defaultLocale }
        limit = random.chance(10) ? 260 : 280
        lineBreakBeforeLink = random.chance(20)
        host = random.chance(25) ? "x.com" : nil
        firstNameLength = random.pick([15, 20, 20, 25])
        orderIDLength = random.pick([10, 12])
        maxDays = random.pick([14, 30, 30, 60])
        maxItems = random.pick([9, 20])
        maxPoints = random.pick([500, 5_000, 20_000])
        tiers = random.chance(50) ? ["standard", "silver", "gold", "platinum"] : ["standard", "gold", "platinum"]
        firstNameExample = random.pick(["Ana", "José", "Zoë", "Léa", "Jürgen", "João", "Chloé", "Yuki", "美咲", "محمد", "민준", "Siobhán"])
        cityExample = random.pick(["São Paulo", "Zürich", "Montréal", "Köln", "東京", "서울", "الرياض", "Ciudad de México", "Kraków", "Reykjavík"])
        let seasons = [("summer-sale", "Summer sale", "2027-06-01", "2027-08-31T23:59:59-03:00"),
                       ("winter-storm", "Winter storm disruption", "2027-12-01", "2027-12-15T23:59:59-05:00"),
                       ("black-friday", "Black Friday", "2027-11-26T00:00:00+01:00", "2027-11-30"),
                       ("spring-launch", "Spring launch", "2028-03-01", "2028-04-15")]
        let season = random.below(seasons.count)
        campaigns = (0..<(random.chance(30) ? 2 : 1)).map { offset in
            let (id, name, starts, ends) = seasons[(season + offset) % seasons.count]
            return Campaign(id: id, name: name, starts: starts, ends: ends)
        }
        templates = makeTemplates(count: templateCount)
    }

    /// The catalogue: the first two templates are the follow-ups that DM templates point to, the
    /// last tenth belongs to the campaigns; no two texts of a pack are the same.
    private func makeTemplates(count: Int) -> [Template] {
        let campaignCount = count < 2 ? 0 : max(1, count / 10)
        let nudgeCount = min(Phrasebook.nudges.count, max(0, count - campaignCount - 1))
        var seen: Set<String> = []
        var result: [Template] = []
        for t in 0..<count {
            var random = SplitMix64(index, t, 2)
            let campaign = t >= count - campaignCount ? (t - (count - campaignCount)) % campaigns.count : nil
            let topic: Topic
            var body: [Phrase]
            var lead: Phrase?
            var tail: Phrase?
            var handoff: Handoff?
            var openerChance = 70
            if t < nudgeCount {
                topic = Phrasebook.nudges[t]
                body = [topic.phrase]
                openerChance = 0
            } else if campaign != nil {
                topic = Phrasebook.campaignBodies[(t + index) % Phrasebook.campaignBodies.count]
                body = [topic.phrase]
                if random.chance(30) {
                    body.append(Phrasebook.dmBodies[2].phrase)
                    handoff = Handoff(prefill: nil, welcomeMessageID: nil)
                }
            } else if random.chance(40) {
                topic = Phrasebook.dmBodies[(t + index) % Phrasebook.dmBodies.count]
                body = [topic.phrase]
                if random.chance(50) { lead = Phrasebook.publicBodies[(t * 7 + index) % Phrasebook.publicBodies.count].phrase }
                handoff = Handoff(
                    prefill: random.chance(45) ? random.pick(Phrasebook.prefills) : nil,
                    welcomeMessageID: random.chance(20) ? String(1_234_567_890 + t) : nil)
            } else {
                topic = Phrasebook.publicBodies[(t + index) % Phrasebook.publicBodies.count]
                body = [topic.phrase]
                if random.chance(25) { tail = Phrasebook.publicBodies[(t * 3 + index + 1) % Phrasebook.publicBodies.count].phrase }
            }
            // Variants differ in how they open and close; a signature of those keeps texts apart.
            let variantCount = 1 + random.weighted([80, 15, 5])
            var variants: [Variant] = []
            var signatures: [String] = []
            for v in 0..<variantCount {
                for attempt in 0..<40 {
                    let opener = random.chance(v > 0 || attempt > 10 ? 100 : openerChance) ? random.below(Phrasebook.openers.count) : -1
                    let closer = random.chance(55) ? random.below(Phrasebook.closers.count) : -1
                    let signature = "\(topic.id)|\(lead != nil)|\(tail != nil)|\(opener)|\(closer)"
                    if seen.contains(signature) || signatures.contains(signature) { continue }
                    signatures.append(signature)
                    variants.append(Variant(opener: opener >= 0 ? Phrasebook.openers[opener] : nil, lead: lead, body: body,
                                            tail: tail, closer: closer >= 0 ? Phrasebook.closers[closer] : nil))
                    break
                }
            }
            if variants.isEmpty { variants = [Variant(opener: nil, lead: lead, body: body, tail: tail, closer: nil)] }
            seen.formUnion(signatures)
            let multiline = random.chance(20) && variants[0].phrases.count > 1
            let followUp = handoff != nil && nudgeCount > 0 && random.chance(80)
                ? "\(Phrasebook.nudges[t % nudgeCount].id)-\(t % nudgeCount)" : nil
            var template = Template(id: "\(topic.id)-\(t)", topic: topic, campaign: campaign, variants: variants,
                                    multiline: multiline, handoff: handoff, followUp: followUp)
            fit(&template)
            result.append(template)
        }
        return result
    }

    /// Leaves room for the sentences a pack adds (a mention, hashtags) until every locale's worst
    /// case fits.
    private func fit(_ template: inout Template) {
        let room = limit - 70
        let estimate = estimate
        for v in template.variants.indices {
            while locales.contains(where: {
                estimate.weight(text(template.variants[v].phrases, locale: $0, multiline: template.multiline),
                                dm: template.handoff != nil) > room
            }), template.variants[v].shorten() {}
        }
        // Shortened variants may have become the same text.
        var texts: [String] = []
        template.variants = template.variants.filter { variant in
            let text = text(variant.phrases, locale: defaultLocale, multiline: template.multiline)
            if texts.contains(text) { return false }
            texts.append(text)
            return true
        }
    }

    /// The variables the templates use, in the order brand.yaml declares them.
    var usedVariables: [String] {
        let texts = templates.flatMap { template in
            template.variants.flatMap(\.phrases).map { $0[0] } + [template.handoff?.prefill?[0] ?? ""]
        }
        return ["first_name", "city", "agent", "order_id", "days", "items", "points", "tier"].filter { name in
            texts.contains { $0.contains(scalars: "{\(name)") }
        }
    }

    /// The phrases of a variant in one locale, the brand's names filled in.
    func text(_ phrases: [Phrase], locale: Int, multiline: Bool) -> String {
        let joiner = multiline ? "\n" : RepositoryGenerator.joinsWithoutSpace(locale) ? "" : " "
        var text = ""
        for (index, phrase) in phrases.enumerated() {
            if index > 0 { text += index == 1 && multiline ? "\n\n" : joiner }
            text += fill(phrase[locale])
        }
        return text
    }

    func fill(_ text: String) -> String {
        text.replacingAll("%SITE%", with: site).replacingAll("%TAG%", with: hashtag).replacingAll("%CARE%", with: care)
    }
}
