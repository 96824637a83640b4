import Foundation
import ReplyKit

/// Writes a template repository of `brands × locales × templates` templates with the variety of real
/// packs: plain, quoted and block scalars, plurals, selects, variants, DM handoffs with prefills,
/// campaigns, descriptions, tags and comments. The same arguments always write the same bytes.
public enum RepositoryGenerator {
    public static let locales = ["en-US", "es-MX", "pt-BR", "fr-FR", "de-DE", "ja-JP", "ar-SA", "ko-KR", "it-IT", "nl-NL"]

    /// The folder of a generated repository, written on first use (under the system's temporary folder).
    public static func repository(brands: Int, locales localeCount: Int, templates: Int) throws -> String {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("replykit-bench-v2-\(brands)x\(localeCount)x\(templates)").path
        let marker = root + "/.complete"
        if FileManager.default.fileExists(atPath: marker) { return root }
        try? FileManager.default.removeItem(atPath: root)
        for b in 0..<brands {
            let folder = "\(root)/templates/brand-\(b)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let tags = Array(locales.prefix(localeCount))
            try Data(brandYAML(b, tags).utf8).write(to: URL(fileURLWithPath: folder + "/brand.yaml"))
            for tag in tags {
                try Data(pack(tag, templates: templates, brand: b).utf8).write(to: URL(fileURLWithPath: "\(folder)/\(tag).yaml"))
            }
        }
        FileManager.default.createFile(atPath: marker, contents: Data())
        return root
    }

    static func brandYAML(_ b: Int, _ tags: [String]) -> String {
        """
        # Brand \(b), generated for benchmarks.
        name: Brand \(b)
        account:
          handle: Brand\(b)Help
          user_id: "\(3_805_104_374 + b)"
          dm_open: true
        default_locale: \(tags[0])
        locales: [\(tags.joined(separator: ", "))]
        max_length: 280
        allowed_domains: [brand\(b).example]
        variables:
          first_name:
            type: text
            max_length: 20
            pattern: "[A-Za-z' -]+"
            example: Ana
          order_id:
            max_length: 12
            example: A-1234
          days:
            type: number
            min: 1
            max: 30
            example: 3
          cabin:
            type: choice
            values: [economy, business, first]
        campaigns:
          winter-storm:
            name: Winter storm
            status: approved
            starts: 2026-12-01
            ends: 2026-12-15T23:59:59-05:00

        """
    }

    static let phrases = [
        "en-US": ("Sorry for the wait", "Thanks for your patience", "day", "days"),
        "es-MX": ("Lamentamos la espera", "Gracias por tu paciencia", "día", "días"),
        "pt-BR": ("Desculpe a demora", "Obrigado pela paciência", "dia", "dias"),
        "fr-FR": ("Désolés pour l'attente", "Merci de votre patience", "jour", "jours"),
        "de-DE": ("Entschuldige die Wartezeit", "Danke für deine Geduld", "Tag", "Tage"),
        "ja-JP": ("お待たせして申し訳ございません", "ご辛抱いただきありがとうございます", "日", "日"),
        "ar-SA": ("نعتذر عن التأخير", "شكراً لصبرك", "يوم", "أيام"),
        "ko-KR": ("기다리게 해서 죄송합니다", "기다려 주셔서 감사합니다", "일", "일"),
        "it-IT": ("Ci scusiamo per l'attesa", "Grazie per la pazienza", "giorno", "giorni"),
        "nl-NL": ("Sorry voor het wachten", "Bedankt voor je geduld", "dag", "dagen"),
    ]

    static func pack(_ tag: String, templates: Int, brand: Int) -> String {
        let (sorry, thanks, one, other) = phrases[tag]!
        var out = "# \(tag) pack of brand \(brand)\nlocale: \(tag)\ntemplates:\n"
        let campaignCount = max(1, templates / 10)
        for t in 0..<(templates - campaignCount) {
            out += template(t, of: templates, sorry: sorry, thanks: thanks, one: one, other: other, indent: "  ")
        }
        out += "campaigns:\n  winter-storm:\n"
        for t in (templates - campaignCount)..<templates {
            out += template(t, of: templates, sorry: sorry, thanks: thanks, one: one, other: other, indent: "    ")
        }
        return out
    }

    /// Five shapes of template, each text numbered so no two are the same (as in real packs); a DM
    /// handoff follows up with the next plain template when there is one.
    static func template(_ t: Int, of count: Int, sorry: String, thanks: String, one: String, other: String,
                         indent i: String) -> String {
        let followUp = t - t % 5 + 3 < count ? "\(i)  follow_up: reply-\(t - t % 5 + 3)\n" : ""
        switch t % 5 {
        case 0:
            return """
            \(i)reply-\(t):
            \(i)  text: >-
            \(i)    \(sorry), {first_name}. Your refund arrives in
            \(i)    {days, plural, one {# \(one)} other {# \(other)}} (\(t)).
            \(i)  dm: true
            \(i)  description: Refund is late (\(t))
            \(i)  tags: [refunds, delays]

            """ + followUp
        case 1:
            return """
            \(i)reply-\(t):
            \(i)  text:
            \(i)    - "{first_name}, \(thanks.lowercased())! (\(t))"
            \(i)    - \(thanks), {first_name}. We are on it (\(t)).
            \(i)  follow_up: reply-\(t - 1)

            """
        case 2:
            return """
            \(i)reply-\(t):
            \(i)  text: "{cabin, select, first {\(thanks)} business {\(thanks)!} other {\(sorry)}}, {first_name} (\(t))."
            \(i)  dm:
            \(i)    prefill: "Order {order_id}: "
            \(i)    welcome_message_id: "1234567890"

            """ + followUp
        case 3:
            return """
            \(i)reply-\(t):
            \(i)  text: |-
            \(i)    \(sorry) (\(t)).
            \(i)    \(thanks), {first_name}.
            \(i)  disable: [shouting]

            """
        default:
            return """
            \(i)reply-\(t):
            \(i)  text: \(thanks), {first_name}. Order {order_id} is confirmed (\(t)).
            \(i)  description: Confirmation

            """
        }
    }
}

extension RepositoryGenerator {
    /// The YAML files (brands and packs) under `root/templates`, sorted.
    public static func yamlFiles(in root: String) -> [String] {
        let templates = root + "/templates"
        return FileManager.default.subpaths(atPath: templates)!.filter { $0.hasSuffix(".yaml") }
            .sorted().map { templates + "/" + $0 }
    }

    /// Reads each file and runs libyaml's parser over it, building nothing: the baseline the load and
    /// lint benchmarks compare with. Returns the number of events.
    public static func parseWithLibyaml(_ files: [String]) -> Int {
        files.reduce(0) { count, file in
            count + (try! YAMLParser.countEvents(Array(FileManager.default.contents(atPath: file)!)))
        }
    }
}
