package import ReplyKitSupport
/// Writes UTF-8 into a buffer it never writes past: a write that would not fit is dropped and
/// remembered, so a caller that measured wrong finds out instead of corrupting memory.
struct BoundedWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    private(set) var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func write(_ text: String) {
        let bytes = text.utf8
        guard bytes.count <= buffer.count - count else {
            overflowed = true
            return
        }
        let copied: Void? = bytes.withContiguousStorageIfAvailable { source in
            guard let from = source.baseAddress, let target = buffer.baseAddress else { return }
            (target + count).update(from: from, count: source.count)
        }
        if copied == nil {
            var index = count
            for byte in bytes {
                buffer[index] = byte
                index += 1
            }
        }
        count += bytes.count
    }

    /// `text` percent-encoded as ``DeepLink/percentEncoded(_:)`` encodes it.
    mutating func percentEncode(_ text: String) {
        for byte in text.utf8 {
            DeepLink.percentEncode(byte) { encoded in
                guard count < buffer.count else {
                    overflowed = true
                    return
                }
                buffer[count] = encoded
                count += 1
            }
        }
    }
}
