/// Incremental decoder of Kerong CU16 frames from a byte stream. Feed it whatever arrives; it
/// returns every complete, checksum-valid frame and discards garbage by re-scanning for the start
/// byte one byte after any position that does not hold a valid frame.
public struct KerongFrameDecoder: Sendable {
    private var buffer: [UInt8] = []
    /// Bytes discarded while resynchronising, for diagnostics.
    public private(set) var discardedBytes = 0
    /// Frames whose checksum failed, for diagnostics.
    public private(set) var checksumFailures = 0

    /// A decoder with an empty buffer.
    public init() {}

    /// Bytes received but not yet part of a complete frame.
    public var pendingByteCount: Int { buffer.count }

    /// Appends `bytes` and returns every frame completed by them, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [KerongFrame] {
        buffer.append(contentsOf: bytes)
        var frames: [KerongFrame] = []
        var index = 0
        scanning: while index < buffer.count {
            guard buffer[index] == KerongFrame.start else {
                index += 1
                discardedBytes += 1
                continue
            }
            guard index + 2 < buffer.count else { break scanning }
            guard let length = KerongFrame.length(ofCommand: buffer[index + 2]) else {
                index += 1
                discardedBytes += 1
                continue
            }
            guard index + length <= buffer.count else { break scanning }
            let candidate = buffer[index..<index + length]
            let sumIndex = index + length - 1
            if buffer[sumIndex - 1] == KerongFrame.end,
                KerongFrame.checksum(buffer[index..<sumIndex]) == buffer[sumIndex],
                let frame = KerongFrame.decodeChecked(candidate)
            {
                frames.append(frame)
                index += length
            } else {
                if buffer[sumIndex - 1] == KerongFrame.end { checksumFailures += 1 }
                index += 1
                discardedBytes += 1
            }
        }
        buffer.removeFirst(index)
        return frames
    }

    /// Drops everything buffered (after a timeout, before a new request).
    public mutating func reset() {
        discardedBytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
