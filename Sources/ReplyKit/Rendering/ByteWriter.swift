/// Writes into memory the caller sized beforehand.
struct ByteWriter {
    var next: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) {
        next = start
    }

    func count(from start: UnsafeMutablePointer<UInt8>) -> Int { next - start }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        next.update(from: base, count: bytes.count)
        next += bytes.count
    }

    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// Percent-encoded, as ``DeepLink/percentEncoded(_:)``.
    mutating func encode(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            DeepLink.percentEncode(byte) {
                next.pointee = $0
                next += 1
            }
        }
    }

    mutating func encode(_ text: String) {
        var text = text
        text.withUTF8 { encode($0) }
    }
}
