import Foundation

/// Writes a template repository of `brands × locales × templates` templates with the variety of real
/// packs, for the benchmarks: greetings, bodies and sign-offs in ten languages (accents, CJK, Arabic,
/// emoji), plural and select branches in each language's script, plain, single- and double-quoted,
/// literal (`|`, `|-`) and folded (`>-`) scalars, variants, DM hand-offs with prefills, a campaign in
/// every pack, comments, descriptions and tags, replies from a few words to just under the limit, and
/// on most templates the warnings real packs have (see ``Finding``), under a `replykit.yaml` that
/// switches `near-limit` on.
///
/// Only YAML is written, so the generator does not depend on the library it measures. The same
/// arguments always write the same bytes.
public enum RepositoryGenerator {
    /// The locales of the packs, in the order a brand takes them: with three, a brand has English,
    /// Japanese and Arabic.
    public static let locales = ["en-US", "ja-JP", "ar-SA", "es-MX", "fr-FR", "de-DE", "ko-KR", "zh-Hans", "pt-BR", "it-IT"]

    static let localeNames = ["English (US)", "日本語", "العربية (السعودية)", "Español (México)", "Français",
                              "Deutsch", "한국어", "简体中文", "Português (Brasil)", "Italiano"]

    /// Japanese and Chinese join sentences without a space.
    static func joinsWithoutSpace(_ locale: Int) -> Bool { locale == 1 || locale == 7 }

    /// Whether the language has a `one` plural category (Japanese, Korean and Chinese do not).
    static func hasPluralOne(_ locale: Int) -> Bool { ![1, 6, 7].contains(locale) }

    /// Changes whenever the generator writes something else, so that a cached repository is not reused.
    static let version = 4

    /// Writes the repository into `root` (created if needed): `replykit.yaml`, then
    /// `templates/<brand>/brand.yaml` and one pack per locale. `locales` is at most 10.
    public static func write(to root: String, brands: Int, locales localeCount: Int, templates: Int) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: root, withIntermediateDirectories: true)
        try write(configuration, to: root + "/replykit.yaml")
        for b in 0..<brands {
            let brand = BrandPlan(index: b, localeCount: localeCount, templateCount: templates)
            let folder = "\(root)/templates/\(brand.id)"
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try write(BrandWriter(brand: brand).write(), to: folder + "/brand.yaml")
            for locale in brand.locales {
                try write(PackWriter(brand: brand, locale: locale).write(), to: "\(folder)/\(Self.locales[locale]).yaml")
            }
        }
    }

    /// The folder of a generated repository, written on first use under the system's temporary folder
    /// and reused afterwards.
    public static func repository(brands: Int, locales localeCount: Int, templates: Int) throws -> String {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("replykit-bench-v\(version)-\(brands)x\(localeCount)x\(templates)").path
        let marker = root + "/.complete"
        if FileManager.default.fileExists(atPath: marker) { return root }
        try? FileManager.default.removeItem(atPath: root)
        try write(to: root, brands: brands, locales: localeCount, templates: templates)
        try Data().write(to: URL(fileURLWithPath: marker))
        return root
    }

    /// The YAML files (brands and packs) under `root/templates`, sorted.
    public static func yamlFiles(in root: String) -> [String] {
        let templates = root + "/templates"
        return (FileManager.default.subpaths(atPath: templates) ?? []).filter { $0.hasSuffix(".yaml") }
            .sorted().map { templates + "/" + $0 }
    }

    /// Every rule on: `near-limit` is off by default.
    static let configuration = """
        # Lint settings shared by every brand's packs.
        rules:
          near-limit: {severity: warning, margin: 20}
          shouting:
            allow: [FAQ, NASA]

        """

    private static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
