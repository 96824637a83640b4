internal import CYAML
public import ReplyKit
package import ReplyKitSupport

/// Reads one YAML document with the system libyaml into ``YAMLNode``s that know their source ranges.
///
/// Hostile input ends in a ``YAMLError`` with a location, never a crash or a hang: files over
/// `limits.maxBytes`, invalid UTF-8, nesting over `limits.maxDepth`, aliases that would expand past
/// `limits.maxAliasExpansion` nodes ("billion laughs") and second documents are refused.
public enum YAMLParser {
    /// Parses `bytes`; returns nil for a file with no document (empty, or only comments).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        try document(LineIndex(bytes), limits: limits)?.read(\.node)
    }

    /// Parses a file already read into its flat document: its line index is reused rather than built
    /// again.
    static func document(_ file: SourceFile, limits: YAMLLimits) throws(YAMLError) -> YAMLDocument? {
        try document(file.lines, limits: limits)
    }

    private static func document(_ lines: LineIndex, limits: YAMLLimits) throws(YAMLError) -> YAMLDocument? {
        let bytes = lines.bytes
        if bytes.count > limits.maxBytes {
            throw YAMLError(.tooLarge(bytes: bytes.count, limit: limits.maxBytes),
                            at: SourceLocation(line: 1, column: 1, offset: 0))
        }
        // libyaml skips a byte order mark but then counts it as a column, which breaks indentation:
        // it is given the text after it.
        let start = lines.hasByteOrderMark ? 3 : 0
        var builder = DocumentBuilder(lines: lines, limits: limits, capacity: bytes.count)
        defer { builder.deallocate() }
        let result: Result<YAMLDocument?, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(YAMLError(.syntax("libyaml could not be initialised"),
                                          at: SourceLocation(line: 1, column: 1, offset: 0)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress.map { $0 + start }, buffer.count - start)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(builder.libyamlError(parser))
                }
                defer { yaml_event_delete(&event) }
                do throws(YAMLError) {
                    if try builder.handle(&event) { return .success(builder.finish()) }
                } catch {
                    return .failure(error)
                }
            }
        }
        guard case .failure(let error) = result else { return try result.get() }
        // libyaml refuses bytes that are not UTF-8 and control characters, but reports where its
        // reader stood rather than where they are; a file it parsed to the end has none. They are
        // reported first, whatever else failed.
        if let problem = lines.encodingProblem() {
            let location = lines.location(ofByte: problem.offset)
            throw YAMLError(problem.control.map { .controlCharacter($0) } ?? .invalidUTF8, at: location)
        }
        throw error
    }

    /// Runs libyaml's parser over `bytes` and counts its events, building nothing: the cost of
    /// libyaml alone, which benchmarks compare ``parse(_:limits:)`` and the loader with.
    public static func countEvents(_ bytes: [UInt8]) throws(YAMLError) -> Int {
        let result: Result<Int, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(YAMLError(.syntax("libyaml could not be initialised"), at: SourceLocation(line: 1, column: 1, offset: 0)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var count = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(YAMLError(.syntax(parser.problem.map { String(cString: $0) } ?? "invalid YAML"),
                                              at: SourceLocation(line: Int(parser.problem_mark.line) + 1,
                                                                 column: Int(parser.problem_mark.column) + 1,
                                                                 offset: Int(parser.problem_mark.index))))
                }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if done { return .success(count) }
            }
        }
        return try result.get()
    }
}

/// Builds a ``YAMLDocument`` from libyaml's events.
///
/// A node's entry is added when it starts, so the entries are in document order and a collection's
/// children follow it; its end event fills in where it ends and where its next sibling starts.
private struct DocumentBuilder {
    let lines: LineIndex
    let limits: YAMLLimits

    /// A sequence or mapping whose end event has not come yet.
    private struct Open {
        var index: Int
        var anchor: String?
        /// Nodes it stands for, aliases expanded: what the alias budget counts.
        var size: Int
        var children: Int32 = 0
    }

    private var entries: [YAMLDocument.Entry] = []
    /// Scalars' bytes, in `text[..<textCount]`: as long as the file (scalars are seldom longer than
    /// their source) and copied into, rather than appended to, for each scalar. Freed by
    /// ``deallocate()``; the document gets a copy of what was used.
    private var text: UnsafeMutableBufferPointer<UInt8>
    private var textCount = 0
    private var tags: [String] = []
    /// The innermost open collection, kept out of `open` so that counting a child changes no array.
    private var current: Open?
    /// The collections around `current`.
    private var open: [Open] = []
    private var anchors: [String: (index: Int, size: Int)] = [:]
    private var aliasExpansion = 0
    private var documents = 0

    init(lines: LineIndex, limits: YAMLLimits, capacity: Int) {
        self.lines = lines
        self.limits = limits
        // Scalars are most of a pack's bytes; a node per ~10 bytes is generous for packs.
        text = .allocate(capacity: capacity + 16)
        entries.reserveCapacity(capacity / 10 + 8)
    }

    func deallocate() {
        text.deallocate()
    }

    func finish() -> YAMLDocument? {
        guard !entries.isEmpty else { return nil }
        return YAMLDocument(entries: entries, text: Array(text[..<textCount]), tags: tags, lines: lines)
    }

    /// Copies a scalar's bytes to the end of `text`, growing it when escapes made the scalars
    /// longer than their source.
    private mutating func appendText(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if textCount + count > text.count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(2 * text.count, textCount + count))
            larger.baseAddress!.initialize(from: text.baseAddress!, count: textCount)
            text.deallocate()
            text = larger
        }
        (text.baseAddress! + textCount).initialize(from: bytes, count: count)
        textCount += count
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        lines.location(line: Int(mark.line), column: Int(mark.column))
    }

    func libyamlError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var error = YAMLError(.syntax(problem), at: location(parser.problem_mark))
        if let context = parser.context {
            error.context = (String(cString: context), location(parser.context_mark))
        }
        return error
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLDocument.Mark {
        YAMLDocument.Mark(line: Int32(truncatingIfNeeded: mark.line), column: Int32(truncatingIfNeeded: mark.column))
    }

    /// Handles one event; returns true at the end of the stream.
    mutating func handle(_ event: inout yaml_event_t) throws(YAMLError) -> Bool {
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { throw YAMLError(.multipleDocuments, at: location(event.start_mark)) }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let style: YAMLNode.ScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let index = entries.count
            entries.append(YAMLDocument.Entry(
                kind: .scalar, style: style, tag: tag(scalar.tag), start: Self.mark(event.start_mark),
                end: Self.mark(event.end_mark), first: Int32(textCount), count: Int32(scalar.length),
                next: Int32(index + 1)))
            if scalar.length > 0, let value = scalar.value {
                appendText(value, count: Int(scalar.length))
            }
            added(index, size: 1, anchor: string(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw YAMLError(.undefinedAlias(name), at: location(event.start_mark))
            }
            aliasExpansion += target.size
            if aliasExpansion > limits.maxAliasExpansion {
                throw YAMLError(.aliasBudgetExceeded(limit: limits.maxAliasExpansion), at: location(event.start_mark))
            }
            let index = entries.count
            entries.append(YAMLDocument.Entry(
                kind: .alias, style: .plain, tag: -1, start: Self.mark(event.start_mark), end: Self.mark(event.end_mark),
                first: Int32(target.index), count: 0, next: Int32(index + 1)))
            added(index, size: target.size, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try push(.sequence, at: event.start_mark, tag: data.tag, anchor: string(data.anchor))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try push(.mapping, at: event.start_mark, tag: data.tag, anchor: string(data.anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let collection = current else { break }
            entries[collection.index].end = Self.mark(event.end_mark)
            entries[collection.index].next = Int32(entries.count)
            entries[collection.index].count = collection.children
            current = open.popLast()
            if let anchor = collection.anchor { anchors[anchor] = (collection.index, collection.size) }
            current?.size += collection.size
        default:
            break
        }
        return false
    }

    private mutating func push(_ kind: YAMLDocument.Kind, at mark: yaml_mark_t, tag written: UnsafeMutablePointer<yaml_char_t>?,
                               anchor: String?) throws(YAMLError) {
        let depth = current == nil ? 0 : open.count + 1
        if depth >= limits.maxDepth {
            throw YAMLError(.tooDeep(limit: limits.maxDepth), at: location(mark))
        }
        let index = entries.count
        entries.append(YAMLDocument.Entry(kind: kind, style: .plain, tag: tag(written), start: Self.mark(mark),
                                          end: Self.mark(mark), first: 0, count: 0, next: Int32(index + 1)))
        if var parent = current {
            parent.children += 1
            open.append(parent)
        }
        current = Open(index: index, anchor: anchor, size: 1)
    }

    /// Counts a finished scalar or alias as a child of the open collection.
    @inline(__always)
    private mutating func added(_ index: Int, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (index, size) }
        current?.size += size
        current?.children += 1
    }

    @inline(__always)
    private mutating func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> Int32 {
        guard let pointer else { return -1 }
        tags.append(String(cString: pointer))
        return Int32(tags.count - 1)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
