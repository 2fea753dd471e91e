import KioskHAL
import Synchronization

/// A `ByteStream` that passes everything to `inner` and remembers when each write began, on the
/// continuous clock, so a test can check the driver's own pacing without the receiver's wake-up
/// jitter in the measurement.
final class WriteRecordingStream: ByteStream {
    /// One write: when it was handed to the stream, and its bytes.
    struct Write: Sendable {
        let at: ContinuousClock.Instant
        let bytes: [UInt8]
    }

    let inner: any ByteStream
    private let recorded: Mutex<[Write]>

    init(_ inner: any ByteStream) {
        self.inner = inner
        recorded = Mutex([])
    }

    var name: String { inner.name }

    /// Every write so far, oldest first.
    var writes: [Write] { recorded.withLock { $0 } }

    func write(_ bytes: [UInt8], timeout: Duration) async throws {
        recorded.withLock { $0.append(Write(at: .now, bytes: bytes)) }
        try await inner.write(bytes, timeout: timeout)
    }

    func read(maxCount: Int, timeout: Duration) async throws -> [UInt8] {
        try await inner.read(maxCount: maxCount, timeout: timeout)
    }

    func discardInput() async throws { try await inner.discardInput() }

    func close() async { await inner.close() }
}
