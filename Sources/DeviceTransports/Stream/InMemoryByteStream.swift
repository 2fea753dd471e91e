import KioskHAL

/// One end of a connected in-memory byte channel: what one end writes, the other reads, in
/// order, through a bounded buffer per direction. For unit tests of drivers and emulators.
///
/// - Reads wait (without polling) for the first byte up to their timeout, then return what is
///   buffered, 1…`maxCount` bytes.
/// - Writes wait for space while the peer's buffer is full ("slow consumer") and fail with
///   `.timedOut` when the deadline passes first; the bytes that fitted stay sent.
/// - `close()` lets the peer drain what was already sent, then its reads fail with
///   `.disconnected`; the peer's writes fail with `.disconnected` at once.
/// - A waiting read or write that is cancelled throws `CancellationError`.
/// - Dropping the last reference to an end closes it.
///
/// Concurrent writes on one end may interleave when the buffer is full; drivers and emulators
/// write from a single actor, which keeps writes whole.
public final class InMemoryByteStream: ByteStream {
    /// Default bytes buffered per direction before writers wait: 64 KiB.
    public static let defaultCapacity = 65_536

    /// `memory:<name>` for the driver end, `memory:<name>:device` for the device end.
    public let name: String

    private let incoming: InMemoryPipe
    private let outgoing: InMemoryPipe

    private init(name: String, incoming: InMemoryPipe, outgoing: InMemoryPipe) {
        self.name = name
        self.incoming = incoming
        self.outgoing = outgoing
    }

    deinit {
        outgoing.closeWriter()
        incoming.closeReader()
    }

    /// A connected pair: `driver` for the code under test, `device` for the emulator (or the
    /// test playing the device). `capacity` bounds each direction's buffer in bytes (≥ 1).
    public static func pair(
        name: String,
        capacity: Int = InMemoryByteStream.defaultCapacity
    ) -> (driver: InMemoryByteStream, device: InMemoryByteStream) {
        let towardDevice = InMemoryPipe(capacity: capacity)
        let towardDriver = InMemoryPipe(capacity: capacity)
        let driver = InMemoryByteStream(name: "memory:\(name)", incoming: towardDriver, outgoing: towardDevice)
        let device = InMemoryByteStream(name: "memory:\(name):device", incoming: towardDevice, outgoing: towardDriver)
        return (driver, device)
    }

    /// Bytes per direction that fit before writers wait.
    public var capacity: Int { outgoing.capacity }

    /// Writes all of `bytes`, waiting for buffer space up to `timeout`.
    /// - Throws: `.timedOut` when the peer did not make room in time (the bytes that fitted
    ///   stay sent), `.disconnected` when either end is closed, `CancellationError`.
    public func write(_ bytes: [UInt8], timeout: Duration) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var offset = 0
        while true {
            switch outgoing.write(bytes, offset: &offset) {
            case .done:
                return
            case .failed(let detail):
                throw HALError(.disconnected, device: name, detail: detail)
            case .wait(let id):
                switch await outgoing.wait(.writer, id: id, until: deadline) {
                case .changed:
                    continue
                case .timedOut:
                    throw HALError(.timedOut, device: name, detail:
                        "peer did not read: wrote \(offset) of \(bytes.count) bytes within \(timeout)")
                case .cancelled:
                    throw CancellationError()
                }
            }
        }
    }

    /// Returns 1…`maxCount` buffered bytes, waiting up to `timeout` for the first.
    /// - Throws: `.timedOut` when nothing arrived, `.disconnected` after the peer closed and
    ///   everything it sent was read (or this end is closed), `.unsupported` for
    ///   `maxCount` < 1, `CancellationError`.
    public func read(maxCount: Int, timeout: Duration) async throws -> [UInt8] {
        guard maxCount > 0 else {
            throw HALError(.unsupported, device: name, detail: "read maxCount must be at least 1, got \(maxCount)")
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            switch incoming.read(maxCount: maxCount) {
            case .bytes(let bytes):
                return bytes
            case .failed(let detail):
                throw HALError(.disconnected, device: name, detail: detail)
            case .wait(let id):
                switch await incoming.wait(.reader, id: id, until: deadline) {
                case .changed:
                    continue
                case .timedOut:
                    throw HALError(.timedOut, device: name, detail: "no byte within \(timeout)")
                case .cancelled:
                    throw CancellationError()
                }
            }
        }
    }

    /// Drops every byte received and not yet read; never fails.
    public func discardInput() async throws {
        incoming.discardBuffered()
    }

    /// Closes this end (idempotent): the peer drains what was sent, then sees `.disconnected`.
    public func close() async {
        outgoing.closeWriter()
        incoming.closeReader()
    }
}
