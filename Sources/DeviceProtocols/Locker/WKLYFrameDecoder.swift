/// Incremental decoder of WKLY frames from a byte stream. Feed it whatever arrives; it returns
/// every complete frame whose length, address (0–31) and XOR check, and resynchronises on garbage by scanning for
/// the `57 4B 4C 59` header one byte after any position that does not hold a valid frame.
public struct WKLYFrameDecoder: Sendable {
    private var buffer: [UInt8] = []
    /// Bytes discarded while resynchronising, for diagnostics.
    public private(set) var discardedBytes = 0
    /// Frames whose XOR failed, for diagnostics.
    public private(set) var checksumFailures = 0

    /// A decoder with an empty buffer.
    public init() {}

    /// Bytes received but not yet part of a complete frame.
    public var pendingByteCount: Int { buffer.count }

    /// Appends `bytes` and returns every frame completed by them, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [WKLYFrame] {
        buffer.append(contentsOf: bytes)
        var frames: [WKLYFrame] = []
        var index = 0
        let header = WKLYFrame.header
        scanning: while index < buffer.count {
            // Match as much of the header as is buffered.
            var matched = 0
            while matched < header.count, index + matched < buffer.count, buffer[index + matched] == header[matched] {
                matched += 1
            }
            if index + matched == buffer.count && matched < header.count { break scanning }
            guard matched == header.count else {
                index += 1
                discardedBytes += 1
                continue
            }
            guard index + 4 < buffer.count else { break scanning }
            let length = Int(buffer[index + 4])
            guard length >= WKLYFrame.overhead, length <= WKLYFrame.overhead + WKLYFrame.maximumDataLength else {
                index += 1
                discardedBytes += 1
                continue
            }
            guard index + length <= buffer.count else { break scanning }
            let last = index + length - 1
            guard buffer[index + 5] <= WKLYFrame.maximumAddress else {
                index += 1
                discardedBytes += 1
                continue
            }
            if WKLYFrame.xor(buffer[index..<last]) == buffer[last] {
                frames.append(WKLYFrame(
                    address: buffer[index + 5], command: buffer[index + 6], data: Array(buffer[(index + 7)..<last])))
                index += length
            } else {
                checksumFailures += 1
                index += 1
                discardedBytes += 1
            }
        }
        buffer.removeFirst(index)
        return frames
    }

    /// Drops everything buffered.
    public mutating func reset() {
        discardedBytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
