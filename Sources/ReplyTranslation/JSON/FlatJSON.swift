import ReplyKitSupport

/// The flat ICU JSON form of a ``TranslationDocument`` for tools that prefer JSON to XLIFF:
/// `{"brand/template": "message"}`, with `/v1`, `/v2`, … after the template id for variants and
/// `/prefill` for a DM prefill. The messages file holds the translations there are; the sidecar
/// holds, under the same keys, the sources (`source`, itself a flat file a tool can take as its
/// source file), the notes and the budgets.
public enum FlatJSON {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The key of a segment of a unit of a brand.
    static func key(brand: String, unit: TranslationUnit, segment: TranslationSegment) -> String {
        if unit.isPrefill { return "\(brand)/\(unit.template)/prefill" }
        return unit.segments.count == 1 ? "\(brand)/\(unit.template)" : "\(brand)/\(unit.template)/\(segment.id)"
    }

    /// The messages file: the current translations, sorted by key.
    public static func messages(_ document: TranslationDocument) -> String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        for (key, segment) in entries(document) {
            guard let target = segment.target else { continue }
            writer.key(key)
            writer.string(target)
        }
        writer.endObject()
        return writer.text + "\n"
    }

    /// The sidecar: `{"source_locale", "target_locale", "source": {key: text}, "notes": {key: [text]},
    /// "budget": {key: n}}`.
    public static func sidecar(_ document: TranslationDocument) -> String {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("source_locale"); writer.string(document.sourceLocale)
        writer.key("target_locale"); writer.string(document.targetLocale)
        writer.key("source")
        writer.beginObject()
        for (key, segment) in entries(document) { writer.key(key); writer.string(segment.source) }
        writer.endObject()
        writer.key("notes")
        writer.beginObject()
        for file in document.files {
            for unit in file.units {
                for segment in unit.segments {
                    writer.key(key(brand: file.brand, unit: unit, segment: segment))
                    writer.beginArray()
                    for note in unit.notes where note.category != "budget" || unit.segments.count == 1 || note.text.hasPrefix("variant \(segment.id):") {
                        writer.string("\(note.category): \(note.text)")
                    }
                    writer.endArray()
                }
            }
        }
        writer.endObject()
        writer.key("budget")
        writer.beginObject()
        for file in document.files {
            for unit in file.units where unit.sizeRestriction != nil {
                writer.key(key(brand: file.brand, unit: unit, segment: unit.segments[0]))
                writer.int(unit.sizeRestriction ?? 0)
            }
        }
        writer.endObject()
        writer.endObject()
        return writer.text + "\n"
    }

    private static func entries(_ document: TranslationDocument) -> [(String, TranslationSegment)] {
        document.files.flatMap { file in
            file.units.flatMap { unit in unit.segments.map { (key(brand: file.brand, unit: unit, segment: $0), $0) } }
        }
    }

    /// Reads a messages file, with its sidecar's sources when there is one, into a document whose
    /// units the importer checks; `sources` gives the current source of a key when there is no
    /// sidecar. Keys that are not `brand/template[/vN|/prefill]` are reported as unit problems.
    public static func read(_ bytes: [UInt8], sidecar: [UInt8]?, targetLocale: String,
                            sources: (String) -> String?) -> Result<(TranslationDocument, [XLIFFReader.UnitProblem]), Failure> {
        let messages: JSONValue
        do { messages = try JSONValue.parse(String(decoding: bytes, as: UTF8.self)) } catch {
            return .failure(Failure(message: "the file is not JSON (\(error.message))"))
        }
        guard case .object(let pairs) = messages else { return .failure(Failure(message: "the file is not a JSON object of messages")) }
        var sidecarSources: [String: String] = [:]
        var sourceLocale = ""
        if let sidecar {
            guard let value = try? JSONValue.parse(String(decoding: sidecar, as: UTF8.self)), case .object(let fields) = value else {
                return .failure(Failure(message: "the sidecar of notes is not a JSON object"))
            }
            for (name, field) in fields {
                if name == "source", case .object(let items) = field {
                    for (key, text) in items { if case .string(let string) = text { sidecarSources[key] = string } }
                }
                if name == "source_locale", case .string(let tag) = field { sourceLocale = tag }
            }
        }
        let lines = keyLines(bytes)
        var problems: [XLIFFReader.UnitProblem] = []
        var files: [TranslationFile] = []
        var fileIndex: [String: Int] = [:]
        var unitIndex: [String: (Int, Int)] = [:]
        for (key, value) in pairs {
            let location = lines[key]
            let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
                  parts.count == 2 || parts[2] == "prefill" || (parts[2].hasPrefix("v") && Int(parts[2].dropFirst()) != nil) else {
                problems.append(.init(file: "", unit: key, message: "`\(key)` is not a key of the export (`brand/template`, `brand/template/v2`, `brand/template/prefill`)", location: location ?? TranslationLocation(line: 1, column: 1)))
                continue
            }
            guard case .string(let target) = value else {
                problems.append(.init(file: parts[0], unit: parts[1], message: "the value of `\(key)` is not a string", location: location ?? TranslationLocation(line: 1, column: 1)))
                continue
            }
            let prefill = parts.count == 3 && parts[2] == "prefill"
            let unitID = TranslationUnit.id(template: parts[1], prefill: prefill)
            let segmentID = prefill ? "prefill" : parts.count == 3 ? parts[2] : "v1"
            let source = sidecar == nil ? sources(key) : sidecarSources[key]
            let segment = TranslationSegment(id: segmentID, source: source ?? "", target: target,
                                             state: target.isEmpty ? .initial : .translated, location: location)
            let f = fileIndex[parts[0]] ?? {
                files.append(TranslationFile(brand: parts[0], original: nil, units: []))
                fileIndex[parts[0]] = files.count - 1
                return files.count - 1
            }()
            if let (fi, ui) = unitIndex["\(parts[0])|\(unitID)"] {
                files[fi].units[ui].segments.append(segment)
            } else {
                files[f].units.append(TranslationUnit(id: unitID, template: parts[1], isPrefill: prefill, segments: [segment], location: location))
                unitIndex["\(parts[0])|\(unitID)"] = (f, files[f].units.count - 1)
            }
        }
        // Variants in their order, whatever order the tool wrote the keys in.
        for f in files.indices {
            for u in files[f].units.indices {
                files[f].units[u].segments.sort { (Int($0.id.dropFirst()) ?? 0) < (Int($1.id.dropFirst()) ?? 0) }
            }
        }
        return .success((TranslationDocument(sourceLocale: sourceLocale, targetLocale: targetLocale, files: files), problems))
    }

    /// The line of each key that starts a line (as tools write JSON), in one pass, for diagnostics.
    private static func keyLines(_ bytes: [UInt8]) -> [String: TranslationLocation] {
        var result: [String: TranslationLocation] = [:]
        var line = 1, index = 0
        while index < bytes.count {
            var start = index
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x7B || bytes[start] == 0x2C { start += 1 }
            if start < bytes.count, bytes[start] == 0x22 {
                var end = start + 1
                while end < bytes.count, bytes[end] != 0x22, bytes[end] != 0x0A, bytes[end] != 0x5C { end += 1 }
                if end < bytes.count, bytes[end] == 0x22 {
                    let key = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
                    if result[key] == nil { result[key] = TranslationLocation(line: line, column: start - index + 1) }
                }
            }
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            index += 1
            line += 1
        }
        return result
    }
}
