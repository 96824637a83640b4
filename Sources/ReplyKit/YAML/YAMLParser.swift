internal import CYAML

/// Reads one YAML document with the system libyaml into ``YAMLNode``s that know their source ranges.
///
/// Hostile input ends in a ``YAMLError`` with a location, never a crash or a hang: files over
/// `limits.maxBytes`, invalid UTF-8, nesting over `limits.maxDepth`, aliases that would expand past
/// `limits.maxAliasExpansion` nodes ("billion laughs") and second documents are refused.
public enum YAMLParser {
    /// Parses `bytes`; returns nil for a file with no document (empty, or only comments).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        try parse(LineIndex(bytes), limits: limits)
    }

    /// Parses a file already read: its line index is reused rather than built again.
    static func parse(_ file: SourceFile, limits: YAMLLimits) throws(YAMLError) -> YAMLNode? {
        try parse(file.lines, limits: limits)
    }

    private static func parse(_ lines: LineIndex, limits: YAMLLimits) throws(YAMLError) -> YAMLNode? {
        let bytes = lines.bytes
        if bytes.count > limits.maxBytes {
            throw YAMLError(.tooLarge(bytes: bytes.count, limit: limits.maxBytes),
                            at: SourceLocation(line: 1, column: 1, offset: 0))
        }
        if let bad = lines.firstInvalidUTF8 {
            throw YAMLError(.invalidUTF8, at: lines.location(ofByte: bad))
        }
        // libyaml refuses these too, but reports where its reader stood rather than where they are.
        if let (offset, value) = lines.firstControlCharacter {
            throw YAMLError(.controlCharacter(value), at: lines.location(ofByte: offset))
        }
        // libyaml skips a byte order mark but then counts it as a column, which breaks indentation:
        // it is given the text after it.
        let start = lines.hasByteOrderMark ? 3 : 0
        var builder = Builder(lines: lines, limits: limits)
        let result: Result<YAMLNode?, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
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
                    if try builder.handle(&event) { return .success(builder.root) }
                } catch {
                    return .failure(error)
                }
            }
        }
        return try result.get()
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

/// Builds the node tree from libyaml's events.
///
/// Finished nodes wait on one flat stack; a collection's end event moves its children off it into
/// the collection's array in one step, so no array is copied while it grows.
private struct Builder {
    let lines: LineIndex
    let limits: YAMLLimits
    var root: YAMLNode?

    /// A sequence or mapping whose end event has not come yet.
    private struct Open {
        var isMapping: Bool
        var start: SourceLocation
        var tag: String?
        var anchor: String?
        /// Where its children start in `children`.
        var firstChild: Int
        /// Nodes it stands for, aliases expanded: what the alias budget counts.
        var size: Int
    }

    private var open: [Open] = []
    private var children: [YAMLNode] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasExpansion = 0
    private var documents = 0

    init(lines: LineIndex, limits: YAMLLimits) {
        self.lines = lines
        self.limits = limits
        children.reserveCapacity(64)
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
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
            let style: YAMLNode.ScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let range = SourceRange(start: location(event.start_mark), end: location(event.end_mark))
            let node = YAMLNode(.scalar(text, style), range: range, tag: string(scalar.tag))
            add(node, size: 1, anchor: string(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            let start = location(event.start_mark)
            guard let target = anchors[name] else { throw YAMLError(.undefinedAlias(name), at: start) }
            aliasExpansion += target.size
            if aliasExpansion > limits.maxAliasExpansion {
                throw YAMLError(.aliasBudgetExceeded(limit: limits.maxAliasExpansion), at: start)
            }
            var node = target.node
            node.range = SourceRange(start: start, end: location(event.end_mark))
            add(node, size: target.size, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try push(mapping: false, at: event.start_mark, tag: string(data.tag), anchor: string(data.anchor))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try push(mapping: true, at: event.start_mark, tag: string(data.tag), anchor: string(data.anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let end = location(event.end_mark)
            let collection = open.removeLast()
            let range = SourceRange(start: collection.start, end: end)
            let node: YAMLNode
            do {
                // Scoped so the slice is gone before the children are removed (no copy of the stack).
                let items = children[collection.firstChild...]
                if collection.isMapping {
                    var pairs: [YAMLNode.Pair] = []
                    pairs.reserveCapacity(items.count / 2)
                    var index = items.startIndex
                    while index + 1 < items.endIndex {
                        pairs.append(YAMLNode.Pair(key: items[index], value: items[index + 1]))
                        index += 2
                    }
                    node = YAMLNode(.mapping(pairs), range: range, tag: collection.tag)
                } else {
                    node = YAMLNode(.sequence(Array(items)), range: range, tag: collection.tag)
                }
            }
            children.removeSubrange(collection.firstChild...)
            add(node, size: collection.size, anchor: collection.anchor)
        default:
            break
        }
        return false
    }

    private mutating func push(mapping: Bool, at mark: yaml_mark_t, tag: String?, anchor: String?) throws(YAMLError) {
        if open.count >= limits.maxDepth {
            throw YAMLError(.tooDeep(limit: limits.maxDepth), at: location(mark))
        }
        open.append(Open(isMapping: mapping, start: location(mark), tag: tag, anchor: anchor,
                         firstChild: children.count, size: 1))
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (node, size) }
        if open.isEmpty {
            root = node
        } else {
            open[open.count - 1].size += size
            children.append(node)
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
