import Foundation

/// A temporary template repository and an output folder for one test; removed by `remove()`.
struct ScratchRepository {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var templates: String { root.appendingPathComponent("templates").path }
    var output: String { root.appendingPathComponent("site").path }

    func write(_ relative: String, _ text: String) throws {
        let file = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// A page of the site as text; empty when it is missing.
    func page(_ relative: String) -> String {
        (try? String(contentsOfFile: output + "/" + relative, encoding: .utf8)) ?? ""
    }

    func modified(_ relative: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: output + "/" + relative))?[.modificationDate] as? Date
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

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
          days:
            type: number
            min: 1
            max: 30
            example: 3

        """
}
