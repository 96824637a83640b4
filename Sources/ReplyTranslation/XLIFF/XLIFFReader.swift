import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XLIFF 2.0 file that a translation tool wrote back: its languages, and per `<file>` the
/// units' segments with their source, target and state. Notes and other modules' data are skipped.
///
/// Imported files are untrusted: a file with a document type declaration is refused before it is
/// parsed (XLIFF has none, and it is where entity expansion lives), external entities are never
/// resolved, and the number of units and the length of each text are bounded.
public enum XLIFFReader {
    public struct Limits: Sendable {
        public var maxBytes = 256 << 20
        public var maxUnits = 2_000_000
        /// UTF-8 bytes of one source or target.
        public var maxTextBytes = 64 << 10

        public init() {}
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var line: Int?
        public var description: String { message }
    }

    /// What a unit held that the import cannot take: inline markup it did not export, and the like.
    public struct UnitProblem: Sendable, Hashable {
        public var file: String
        public var unit: String
        public var message: String
        public var location: TranslationLocation
    }

    public static func read(_ bytes: [UInt8], limits: Limits = Limits()) -> Result<(TranslationDocument, [UnitProblem]), Failure> {
        guard bytes.count <= limits.maxBytes else {
            return .failure(Failure(message: "the file is larger than \(limits.maxBytes >> 20) MiB"))
        }
        if contains(bytes, "<!DOCTYPE") || contains(bytes, "<!ENTITY") {
            return .failure(Failure(message: "the file has a document type declaration, which XLIFF does not use; it is not read"))
        }
        let delegate = Delegate(limits: limits)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let parsed = parser.parse()
        if let failure = delegate.failure { return .failure(failure) }
        guard parsed else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "it is not well-formed XML"
            return .failure(Failure(message: "the file is not well-formed XML (\(reason))", line: parser.lineNumber))
        }
        guard let source = delegate.sourceLocale else {
            return .failure(Failure(message: "no <xliff> element of XLIFF 2.0 (\(XLIFFWriter.coreNamespace))"))
        }
        let document = TranslationDocument(sourceLocale: source, targetLocale: delegate.targetLocale ?? "", files: delegate.files)
        return .success((document, delegate.problems))
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count, let first = pattern.first else { return false }
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let limits: Limits
        var failure: Failure?
        var sourceLocale: String?
        var targetLocale: String?
        var files: [TranslationFile] = []
        var problems: [UnitProblem] = []
        var unitCount = 0

        private var unit: TranslationUnit?
        private var segment: TranslationSegment?
        /// The text being read (`source` or `target`), with how deep inline elements go.
        private var reading: (element: String, text: String, depth: Int)?
        private var sourceText: String?
        private var targetText: String?

        init(limits: Limits) { self.limits = limits }

        private func fail(_ parser: XMLParser, _ message: String) {
            if failure == nil { failure = Failure(message: message, line: parser.lineNumber) }
            parser.abortParsing()
        }

        private func location(_ parser: XMLParser) -> TranslationLocation {
            TranslationLocation(line: parser.lineNumber, column: max(1, parser.columnNumber))
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let isCore = namespaceURI == XLIFFWriter.coreNamespace
            if var reading {
                // Inside a source or target: its text, through the markup a tool may add.
                if isCore && name == "cp" {
                    if let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                        reading.text.unicodeScalars.append(scalar)
                    } else if let unit {
                        problems.append(UnitProblem(file: files.last?.brand ?? "", unit: unit.id,
                                                    message: "the \(reading.element) holds <cp hex=\"\(attributes["hex"] ?? "")\"/>, which is not a character",
                                                    location: location(parser)))
                    }
                    reading.depth += 1
                } else if isCore && (name == "mrk" || name == "pc") {
                    reading.depth += 1
                } else if let unit {
                    problems.append(UnitProblem(file: files.last?.brand ?? "", unit: unit.id,
                                                message: "the \(reading.element) holds inline markup <\(name)> that the export did not write",
                                                location: location(parser)))
                    reading.depth += 1
                }
                self.reading = reading
                return
            }
            guard isCore else { return }
            switch name {
            case "xliff":
                guard attributes["version"].map({ $0.hasPrefix("2.") }) ?? false else {
                    return fail(parser, "the file is XLIFF \(attributes["version"] ?? "of no version"), not 2.0")
                }
                sourceLocale = attributes["srcLang"] ?? ""
                targetLocale = attributes["trgLang"]
            case "file":
                files.append(TranslationFile(brand: attributes["id"] ?? "", original: attributes["original"], units: []))
            case "unit":
                unitCount += 1
                if unitCount > limits.maxUnits { return fail(parser, "the file has more than \(limits.maxUnits) units") }
                let id = attributes["id"] ?? ""
                let prefill = id.hasSuffix(TranslationUnit.prefillSuffix)
                unit = TranslationUnit(id: id, template: prefill ? String(id.dropLast(TranslationUnit.prefillSuffix.count)) : id,
                                       isPrefill: prefill, segments: [], location: location(parser))
            case "segment":
                guard unit != nil else { return }
                let state = attributes["state"].flatMap(TranslationState.init(rawValue:)) ?? .initial
                segment = TranslationSegment(id: attributes["id"] ?? "", source: "", target: nil, state: state,
                                             location: location(parser))
                sourceText = nil
                targetText = nil
            case "source", "target":
                guard segment != nil else { return }
                reading = (name, "", 0)
                if name == "target" { segment?.location = location(parser) }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard var reading else { return }
            reading.text += string
            if reading.text.utf8.count > limits.maxTextBytes {
                return fail(parser, "a \(reading.element) of unit `\(unit?.id ?? "")` is longer than \(limits.maxTextBytes >> 10) KiB")
            }
            self.reading = reading
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if var reading {
                if reading.depth > 0 {
                    reading.depth -= 1
                    self.reading = reading
                    return
                }
                if name == "source" { sourceText = reading.text } else { targetText = reading.text }
                self.reading = nil
                return
            }
            guard namespaceURI == XLIFFWriter.coreNamespace else { return }
            switch name {
            case "segment":
                guard var segment else { return }
                segment.source = sourceText ?? ""
                segment.target = targetText
                unit?.segments.append(segment)
                self.segment = nil
            case "unit":
                guard let unit, !files.isEmpty else { return }
                files[files.count - 1].units.append(unit)
                self.unit = nil
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }
    }
}
