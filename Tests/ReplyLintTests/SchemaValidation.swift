import Foundation
import ReplyCompiler
import Testing

/// Runs Scripts/validate-schemas.py (Python's jsonschema, draft 2020-12, on YAML read as YAML 1.2
/// reads it) on files against the committed schemas, all in one run.
enum SchemaValidation {
    struct Verdict: Sendable {
        var valid: Bool
        var errors: [String]
        /// A draft-07 validator's verdict on the same schema, as yaml-language-server validates.
        var validDraft7: Bool
    }

    enum Outcome {
        case verdicts([String: Verdict])
        /// The validator or a library it needs is missing: the caller says it skipped (fails on CI).
        case unavailable(String)
    }

    static let script = TestSupport.packageRoot.appendingPathComponent("Scripts/validate-schemas.py").path
    static let schemas = TestSupport.packageRoot.appendingPathComponent("schemas").path

    /// The verdict on each `(kind, path)`, by path. Throws when the validator itself fails (a schema
    /// that is not valid draft 2020-12, a crash).
    static func validate(_ files: [(kind: FileSchemas.Kind, path: String)]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, schemas] + files.map { "\($0.kind.rawValue)=\($0.path)" }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a long report would fill the pipe and block the script.
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            return .unavailable(stderr.isEmpty ? "python3 not found" : stderr)
        }
        guard process.terminationStatus == 0 else {
            throw ValidatorFailure(message: "validate-schemas.py exited \(process.terminationStatus): \(stderr)")
        }
        var verdicts: [String: Verdict] = [:]
        for line in String(decoding: stdout, as: UTF8.self).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = object["file"] as? String, let valid = object["valid"] as? Bool else {
                throw ValidatorFailure(message: "unexpected line from validate-schemas.py: \(line)")
            }
            verdicts[file] = Verdict(valid: valid, errors: object["errors"] as? [String] ?? [],
                                     validDraft7: object["valid_draft7"] as? Bool ?? !valid)
        }
        return .verdicts(verdicts)
    }

    struct ValidatorFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Records that validation was skipped, or, with `CI=true`, that it could not run.
    static func skip(_ reason: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let message = "skipped JSON Schema validation: \(reason.trimmingCharacters(in: .whitespacesAndNewlines))"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: message + " (required when CI=true)"), sourceLocation: sourceLocation)
        } else {
            print(message)
        }
    }
}
