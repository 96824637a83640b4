import Foundation
import ReplyKitSupport
import ReplyLint
import ReplyTranslation
import Testing

/// A small repository in a temporary folder: one brand, an en-US source pack with every kind of
/// text (plain, folded with a plural, variants, a DM prefill, a campaign template), an es-MX pack
/// that lacks one template in the middle, and de-DE listed but without a pack.
struct TranslationFixture {
    let root: URL

    static let brand = """
        name: Test Air
        account:
          handle: TestAir
          user_id: "3805104374"
          dm_open: true
        default_locale: en-US
        locales: [en-US, es-MX, de-DE]
        variables:
          first_name:
            max_length: 20
            example: Ana
            description: The customer's first name
          days:
            type: number
            min: 1
            max: 30
            example: 5
        campaigns:
          storm:
            name: Storm
            status: approved
            starts: 2026-01-01
            ends: 2027-01-01

        """

    static let source = """
        locale: en-US
        # The catalogue.
        templates:
          greet:
            text: Hi {first_name}, thanks for writing to us.
            description: First answer
            tags: [hello]
          delay:
            text: >-
              Sorry for the wait, {first_name}. Your refund arrives within
              {days, plural, one {# day} other {# days}}.
            dm: true
          bag:
            text:
              - Good news, {first_name}! We found your bag.
              - "{first_name}, your bag turned up!"
          order:
            text: 'Happy to help, {first_name}. Send us your booking reference.'
            dm:
              prefill: "Booking: "
        campaigns:
          storm:
            storm-note:
              text: "{first_name}, the storm delayed many flights today."

        """

    static let spanish = """
        locale: es-MX
        templates:
          greet:
            text: Hola {first_name}, gracias por escribirnos.   # saludo
          delay:
            text: >-
              Lamentamos la espera, {first_name}. Tu reembolso llega en
              {days, plural, one {# día} other {# días}}.
            dm: true
          order:
            text: 'Con gusto te ayudamos, {first_name}. Envíanos tu reserva.'
            dm:
              prefill: "Reserva: "
        campaigns:
          storm:
            storm-note:
              text: "{first_name}, la tormenta retrasó muchos vuelos hoy."

        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-xliff-\(UUID().uuidString)")
        try write("templates/test-air/brand.yaml", Self.brand)
        try write("templates/test-air/en-US.yaml", Self.source)
        try write("templates/test-air/es-MX.yaml", Self.spanish)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file under the root, by relative path.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Exports `locale` to `file` (relative), checking it worked.
    @discardableResult
    func export(_ locale: String, to file: String, format: TranslationRun.FileFormat = .xliff, brand: String? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) -> String {
        var options = TranslationRun.ExportOptions()
        options.path = root.path
        options.locale = locale
        options.output = path(file)
        options.format = format
        options.brand = brand
        let outcome = TranslationRun.export(options)
        #expect(outcome.exitCode == 0, "export failed: \(outcome.stderr)", sourceLocation: sourceLocation)
        return read(file) ?? ""
    }

    func importFiles(_ files: [String], partial: Bool = false, format: ReportFormat = .json) -> TranslationRun.Outcome {
        var options = TranslationRun.ImportOptions()
        options.path = root.path
        options.files = files.map(path)
        options.partial = partial
        options.format = format
        return TranslationRun.import(options)
    }

    /// `xliff` with the target of `segment` of `unit` replaced by `target` (and the state translated).
    static func settingTarget(_ xliff: String, unit: String, segment: String = "v1", to target: String) -> String {
        let escaped = target.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        guard let unitRange = xliff.range(of: "<unit id=\"\(unit)\""),
              let segmentRange = xliff.range(of: "<segment id=\"\(segment)\"", range: unitRange.upperBound..<xliff.endIndex),
              let end = xliff.range(of: "</segment>", range: segmentRange.upperBound..<xliff.endIndex),
              let sourceEnd = xliff.range(of: "</source>", range: segmentRange.upperBound..<end.lowerBound) else {
            Issue.record("no segment \(segment) of unit \(unit)")
            return xliff
        }
        var result = xliff
        result.replaceSubrange(sourceEnd.upperBound..<end.lowerBound, with: "\n        <target>\(escaped)</target>\n      ")
        let head = result.range(of: "<segment id=\"\(segment)\" state=\"", range: unitRange.lowerBound..<result.endIndex)!
        let close = result.range(of: "\"", range: head.upperBound..<result.endIndex)!
        result.replaceSubrange(head.upperBound..<close.lowerBound, with: "translated")
        return result
    }
}
