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
        if let bad = firstInvalidUTF8Byte(bytes) {
            throw YAMLError(.invalidUTF8, at: lines.location(ofByte: bad))
        }
        // libyaml refuses these too, but reports where its reader stood rather than where they are.
        if let (offset, value) = firstControlCharacter(bytes) {
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
                do {
                    if try builder.handle(&event) { return .success(builder.root) }
                } catch let error as YAMLError {
                    return .failure(error)
                } catch {
                    return .failure(YAMLError(.syntax("\(error)"), at: SourceLocation(line: 1, column: 1, offset: 0)))
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

    /// The first character YAML does not allow in a stream (C0 controls but tab, LF and CR; DEL;
    /// C1 controls but NEL), as its byte offset and value. Expects valid UTF-8.
    static func firstControlCharacter(_ bytes: [UInt8]) -> (Int, UInt32)? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return (i, UInt32(b)) }
            } else if b == 0x7F {
                return (i, 0x7F)
            } else if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]), bytes[i + 1] != 0x85 {
                return (i, UInt32(bytes[i + 1]))
            }
            i += 1
        }
        return nil
    }

    /// The offset of the first byte that does not belong to well-formed UTF-8, if any.
    static func firstInvalidUTF8Byte(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            switch b0 {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return i
            }
            guard i + length <= n else { return i }
            var value = UInt32(b0) & (0xFF >> (length + 1))
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else { return i + k }
                value = (value << 6) | UInt32(b & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += length
            _ = minimum
            minimum = 0
        }
        return nil
    }
}

/// Builds the node tree from libyaml's events.
private struct Builder {
    let lines: LineIndex
    let limits: YAMLLimits
    var root: YAMLNode?

    private enum Frame {
        case sequence(start: SourceLocation, tag: String?, anchor: String?, items: [YAMLNode], size: Int)
        case mapping(start: SourceLocation, tag: String?, anchor: String?, pairs: [YAMLNode.Pair],
                     pendingKey: YAMLNode?, size: Int)
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasExpansion = 0
    private var documents = 0
    /// libyaml counts characters, not bytes: this cursor turns its indices into byte offsets,
    /// moving forward and back from the last position (events arrive nearly in order).
    private var cursorCharacter = 0
    private var cursorByte: Int

    init(lines: LineIndex, limits: YAMLLimits) {
        self.lines = lines
        self.limits = limits
        // libyaml reads the text after a byte order mark (see `parse`).
        cursorByte = lines.hasByteOrderMark ? 3 : 0
    }

    mutating func location(_ mark: yaml_mark_t) -> SourceLocation {
        let target = Int(mark.index)
        let bytes = lines.bytes
        while cursorCharacter < target && cursorByte < bytes.count {
            cursorByte += 1
            while cursorByte < bytes.count && bytes[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
            cursorCharacter += 1
        }
        while cursorCharacter > target && cursorByte > 0 {
            cursorByte -= 1
            while cursorByte > 0 && bytes[cursorByte] & 0xC0 == 0x80 { cursorByte -= 1 }
            cursorCharacter -= 1
        }
        // libyaml's own line and column (0-based, counting characters, which are Unicode scalars for
        // UTF-8 input) are exact: only the byte offset needs the cursor.
        return SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: cursorByte)
    }

    mutating func libyamlError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var error = YAMLError(.syntax(problem), at: location(parser.problem_mark))
        if let context = parser.context {
            error.context = (String(cString: context), location(parser.context_mark))
        }
        return error
    }

    /// Handles one event; returns true at the end of the stream.
    mutating func handle(_ event: inout yaml_event_t) throws -> Bool {
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
            try add(node, size: 1, anchor: string(scalar.anchor))
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
            try add(node, size: target.size, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            try push(.sequence(start: location(event.start_mark), tag: string(event.data.sequence_start.tag),
                               anchor: string(event.data.sequence_start.anchor), items: [], size: 1),
                     at: event.start_mark)
        case YAML_MAPPING_START_EVENT:
            try push(.mapping(start: location(event.start_mark), tag: string(event.data.mapping_start.tag),
                              anchor: string(event.data.mapping_start.anchor), pairs: [], pendingKey: nil, size: 1),
                     at: event.start_mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let end = location(event.end_mark)
            switch stack.removeLast() {
            case .sequence(let start, let tag, let anchor, let items, let size):
                try add(YAMLNode(.sequence(items), range: SourceRange(start: start, end: end), tag: tag),
                        size: size, anchor: anchor)
            case .mapping(let start, let tag, let anchor, let pairs, _, let size):
                try add(YAMLNode(.mapping(pairs), range: SourceRange(start: start, end: end), tag: tag),
                        size: size, anchor: anchor)
            }
        default:
            break
        }
        return false
    }

    private mutating func push(_ frame: Frame, at mark: yaml_mark_t) throws {
        if stack.count >= limits.maxDepth {
            throw YAMLError(.tooDeep(limit: limits.maxDepth), at: location(mark))
        }
        stack.append(frame)
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) throws {
        if let anchor { anchors[anchor] = (node, size) }
        guard let top = stack.popLast() else {
            root = node
            return
        }
        switch top {
        case .sequence(let start, let tag, let anchor, var items, let total):
            items.append(node)
            stack.append(.sequence(start: start, tag: tag, anchor: anchor, items: items, size: total + size))
        case .mapping(let start, let tag, let anchor, var pairs, let pendingKey, let total):
            if let key = pendingKey {
                pairs.append(YAMLNode.Pair(key: key, value: node))
                stack.append(.mapping(start: start, tag: tag, anchor: anchor, pairs: pairs, pendingKey: nil,
                                      size: total + size))
            } else {
                stack.append(.mapping(start: start, tag: tag, anchor: anchor, pairs: pairs, pendingKey: node,
                                      size: total + size))
            }
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
