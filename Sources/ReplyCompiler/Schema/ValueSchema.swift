package import ReplyKit
package import ReplyKitSupport

/// What a value in a ReplyKit YAML file may be: the one description that a reader takes its keys,
/// required keys, allowed words and numeric bounds from, and that ``JSONSchemaGenerator`` turns
/// into a JSON Schema, so the two cannot disagree.
///
/// Scalars are typed as YAML 1.2 reads them (what an editor's language server sees): a plain
/// `280` is an integer, `true` a boolean, anything else a string.
package indirect enum ValueSchema: Sendable {
    /// A string. `pattern` is an ECMA-262 regular expression over the whole value (anchored);
    /// `allowed` lists the only words it may be.
    case string(pattern: String? = nil, allowed: [String] = [], minLength: Int? = nil)
    /// Digits only, read as text whether or not they are quoted: an id from X.
    case digits(maxCount: Int)
    /// Any scalar, read as its text (a variable's `example` may be `5` or `Ana`).
    case scalar
    /// A plain integer within one of ``PackLimits``'s bounds.
    case integer(PackLimits.Bound)
    /// `true` or `false`.
    case boolean
    /// A list of items.
    case list(ValueSchema, minItems: Int = 0)
    /// A mapping with fixed keys.
    case mapping(ObjectSchema)
    /// A mapping whose keys are names the file chooses (variables, templates): each key matches
    /// `keys`, each value is `value`.
    case map(keys: KeyRule, value: ValueSchema)
    /// One of several shapes (`text`: a string or a list of variants).
    case anyOf([ValueSchema])
    /// The shape may also be left empty (`variables:` with nothing under it).
    case nullable(ValueSchema)
    /// A shape defined once under `$defs` and used in several places.
    case reference(String)

    /// The keys of a ``map(keys:value:)``.
    package enum KeyRule: Sendable {
        case pattern(String, description: String)
        case allowed([String])
    }
}

/// One key of a mapping: what its value may be, whether it must be there, and what it means
/// (short: an editor shows it on hover).
package struct FieldSchema: Sendable {
    package let value: ValueSchema
    package let required: Bool
    package let description: String
    /// What the reader takes when the key is absent, for an editor to offer (a test holds it to
    /// the model's own default).
    package let defaultValue: JSONValue?

    package init(_ value: ValueSchema, required: Bool = false, default defaultValue: JSONValue? = nil, _ description: String) {
        self.value = value
        self.required = required
        self.defaultValue = defaultValue
        self.description = description
    }

    /// The words a string field allows (empty when any string will do).
    package var allowed: [String] {
        switch value {
        case .string(_, let allowed, _): allowed
        case .nullable(let inner): FieldSchema(inner, "").allowed
        default: []
        }
    }

    /// The most digits a ``ValueSchema/digits(maxCount:)`` field may have.
    package var maxDigits: Int {
        if case .digits(let count) = value { return count }
        return 0
    }

    /// The allowed words as messages list them: `` `a`, `b` or `c` ``.
    package var alternatives: String { Self.alternatives(allowed) }

    package static func alternatives(_ words: [String]) -> String {
        let quoted = words.map { "`\($0)`" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
    }
}

/// A mapping with fixed keys, type-erased for the generator: its keys in order, each with its
/// field. Unknown keys are errors in every ReplyKit file, so the schema forbids them too.
package struct ObjectSchema: Sendable {
    package let description: String
    package let fields: [(name: String, field: FieldSchema)]
    /// Keys whose use depends on another key's value (a variable's keys on its `type`).
    package let cases: DiscriminatedCases?
    /// Whether keys other than `fields` may be there: a rule's options in `replykit.yaml`, which
    /// each rule reads for itself.
    package let open: Bool

    package init(description: String, fields: [(name: String, field: FieldSchema)], cases: DiscriminatedCases? = nil,
                 open: Bool = false) {
        self.description = description
        self.fields = fields
        self.cases = cases
        self.open = open
    }
}

/// Which keys apply for each value of one key: a `number` variable takes `min` and `max`, a
/// `choice` takes `values`, and the keys of the other kinds are errors.
package struct DiscriminatedCases: Sendable {
    package struct Case: Sendable {
        package let value: String
        /// Keys that must be there for this value.
        package let required: [String]
        /// Keys that belong to the kinds and may be there for this value.
        package let allowed: [String]
    }

    /// The key whose value decides (`type`).
    package let key: String
    /// The value when the key is absent.
    package let defaultValue: String
    package let cases: [Case]

    /// Every key that belongs to one of the cases: the others apply whatever the value.
    package var caseKeys: [String] {
        var keys: [String] = []
        for item in cases { for key in item.allowed where !keys.contains(key) { keys.append(key) } }
        return keys
    }

    package func allowed(for value: String) -> [String] {
        cases.first { $0.value == value }?.allowed ?? []
    }
}

/// The schema of one kind of mapping whose keys a reader switches over: one field for each case of
/// `Key`, in its order. The switch that makes it is exhaustive, so a key the reader knows cannot
/// lack its definition, and the reader's ``KeySet`` is made from it.
package struct MappingSchema<Key: SchemaKey>: Sendable {
    package let description: String
    private let fields: [FieldSchema]
    package let cases: DiscriminatedCases?

    package init(_ description: String, cases: DiscriminatedCases? = nil, field: (Key) -> FieldSchema) {
        self.description = description
        self.fields = Key.allCases.map(field)
        self.cases = cases
    }

    package subscript(key: Key) -> FieldSchema {
        fields[Key.allCases.firstIndex(of: key) ?? 0]
    }

    /// The keys that must be present, in declaration order.
    package var requiredKeys: [Key] {
        zip(Key.allCases, fields).filter { $0.1.required }.map(\.0)
    }

    package var object: ObjectSchema {
        ObjectSchema(description: description, fields: zip(Key.allCases, fields).map { ($0.rawValue, $1) }, cases: cases)
    }

    package var value: ValueSchema { .mapping(object) }
}

extension KeySet {
    /// The key set of a mapping schema: its keys, and the ones it requires.
    convenience init(_ schema: MappingSchema<Key>) {
        self.init(required: schema.requiredKeys)
    }
}
