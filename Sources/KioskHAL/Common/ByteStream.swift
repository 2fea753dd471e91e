/// A duplex byte channel to one device: a serial port, a PTY, a TCP socket, a USB bulk pipe or
/// an in-memory pair. Every operation is bounded in time and honours task cancellation.
public protocol ByteStream: Sendable {
    /// A name for logs and errors, e.g. `/dev/kiosk/lockbus0` or `memory:lockbus0`.
    var name: String { get }

    /// Writes every byte of `bytes` within `timeout`.
    /// - Throws: `HALError` `.timedOut` (some bytes may have been written), `.disconnected`.
    func write(_ bytes: [UInt8], timeout: Duration) async throws

    /// Returns the bytes available, 1…`maxCount`, waiting up to `timeout` for the first one.
    /// - Throws: `HALError` `.timedOut` when nothing arrived, `.disconnected` when the peer is gone.
    func read(maxCount: Int, timeout: Duration) async throws -> [UInt8]

    /// Discards whatever was received and not yet read (stale replies before a new request).
    func discardInput() async throws

    /// Closes the channel; later calls fail with `.disconnected`. Closing twice is harmless.
    func close() async
}
