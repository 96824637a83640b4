package import ReplyKitSupport
/// Writes UTF-8 into a buffer it never writes past: a write that would not fit is dropped and
/// remembered, so a caller that measured wrong finds out instead of corrupting memory.
package struct BoundedWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    private(set) var overflowed = false

    package init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    package mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.count <= buffer.count - count else {
                overflowed = true
                return
            }
            guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
            (target + count).update(from: source, count: bytes.count)
            count += bytes.count
        }
    }
}
