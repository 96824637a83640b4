import Foundation

/// Runs a ``LanguageServer`` on stdin and stdout until `exit` or the end of input.
package enum StdioTransport {
    /// Serves until `exit` (0 after `shutdown`, 1 without) or until stdin ends (1).
    package static func run(options: LanguageServer.Options) -> Int32 {
        let server = LanguageServer(options: options, send: { body in writeAll(1, MessageFramer.frame(body)) },
                                    log: { line in writeAll(2, Array((line + "\n").utf8)) })
        // A client that goes away must end the loop (a failed write), not the process.
        signal(SIGPIPE, SIG_IGN)
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if !framer.hasBufferedBytes { server.idle() }
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return server.exitCode ?? 1 }
            framer.append(chunk[0..<count])
            while let frame = framer.next() {
                server.handle(frame)
                if let code = server.exitCode { return code }
            }
        }
    }

    /// Writes every byte to `descriptor`, retrying short writes.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        var written = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let count = write(descriptor, base + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                written += count
            }
        }
    }
}
