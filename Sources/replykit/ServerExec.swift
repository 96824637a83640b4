import ArgumentParser
import Foundation

/// Runs `replykit-server SUBCOMMAND ARGS` in place of this process: the servers live in their own
/// executable, so that building `replykit` never builds their dependencies.
enum ServerExec {
    static let program = "replykit-server"

    /// The path of `replykit-server` beside the running executable.
    static func serverPath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let executable = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments.first ?? ""
        let path = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(program).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Execs the server with `subcommand` and this command's own arguments; returns only on failure.
    static func run(_ subcommand: String) throws -> Never {
        guard let path = serverPath() else {
            Terminal.writeError("error: replykit \(subcommand) needs \(program): build it with `swift build --product \(program)`\n")
            throw ExitCode(2)
        }
        // The arguments after `replykit SUBCOMMAND`, as given.
        let given = CommandLine.arguments.dropFirst().drop { $0 != subcommand }.dropFirst()
        let arguments = [path, subcommand] + given
        var pointers = arguments.map { strdup($0) } + [nil]
        execv(path, &pointers)
        Terminal.writeError("error: replykit \(subcommand): cannot run \(path): \(String(cString: strerror(errno)))\n")
        throw ExitCode(2)
    }
}
