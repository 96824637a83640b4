import Foundation

/// A small repository of one brand, `acme`, whose packs a test fills in.
///
/// The brand declares `first_name` (used) and `order`; a pack that does not use `order` gets an
/// `unused-variable` warning. There is no `fallback_locale`, so a locale without a pack is refused.
enum AcmeRepository {
    static let brand = """
        name: Acme
        account:
          handle: AcmeHelp
          user_id: "3805104374"
          dm_open: true
        default_locale: en-US
        variables:
          first_name:
            max_length: 20
            example: Ana
          order:
            max_length: 10
            example: A1

        """

    /// Writes the brand and an en-US pack of `templates` (`id: text`, each quoted as written).
    static func write(in scratch: Scratch, templates: [(String, String)]) throws {
        try scratch.write("templates/acme/brand.yaml", brand)
        var pack = "locale: en-US\ntemplates:\n"
        for (id, text) in templates {
            pack += "  \(id):\n    text: \"\(text)\"\n"
        }
        try scratch.write("templates/acme/en-US.yaml", pack)
    }
}
