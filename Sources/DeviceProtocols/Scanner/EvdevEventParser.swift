/// Incremental parser of a `/dev/input/eventN` byte stream into `EvdevEvent` records. The
/// kernel hands out whole records, but a transport or a test may split them anywhere; this keeps
/// at most 23 bytes between calls.
public struct EvdevEventParser: Sendable {
    private var partial: [UInt8] = []

    /// A parser with nothing buffered.
    public init() {
        partial.reserveCapacity(EvdevEvent.byteCount)
    }

    /// Bytes of an incomplete record held over, 0…23.
    public var pendingByteCount: Int { partial.count }

    /// Appends `bytes` and returns every record they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [EvdevEvent] {
        var events: [EvdevEvent] = []
        for byte in bytes {
            partial.append(byte)
            guard partial.count == EvdevEvent.byteCount else { continue }
            if let event = EvdevEvent(bytes: partial) { events.append(event) }
            partial.removeAll(keepingCapacity: true)
        }
        return events
    }

    /// Drops a held-over partial record (after reopening the device).
    public mutating func reset() {
        partial.removeAll(keepingCapacity: true)
    }
}
