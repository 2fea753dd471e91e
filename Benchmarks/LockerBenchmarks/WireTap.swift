import KioskHAL

/// Wraps the emulator's end of the bus and timestamps every chunk the driver sent, so the time
/// from `open()` to the first byte of the unlock frame can be measured. With `baud`, it also
/// holds every chunk for its time on an 8N1 line in each direction, since a PTY carries bytes
/// without the baud delay of RS-485.
final class WireTap: ByteStream, @unchecked Sendable {
    let inner: any ByteStream
    let baud: Int?
    var name: String { inner.name }
    private let clock = ContinuousClock()
    private let lock = NSLockLike()
    private var chunks: [(at: ContinuousClock.Instant, bytes: [UInt8])] = []

    init(_ inner: any ByteStream, baud: Int? = nil) {
        self.inner = inner
        self.baud = baud
    }

    /// Time `count` bytes take on the line (10 bits each).
    private func lineTime(_ count: Int) -> Duration {
        guard let baud else { return .zero }
        return .microseconds(count * 10_000_000 / baud)
    }

    func write(_ bytes: [UInt8], timeout: Duration) async throws {
        try await clock.sleep(for: lineTime(bytes.count))
        try await inner.write(bytes, timeout: timeout)
    }

    func read(maxCount: Int, timeout: Duration) async throws -> [UInt8] {
        let bytes = try await inner.read(maxCount: maxCount, timeout: timeout)
        try await clock.sleep(for: lineTime(bytes.count))
        let now = clock.now
        lock.withLock { chunks.append((now, bytes)) }
        return bytes
    }

    func discardInput() async throws { try await inner.discardInput() }
    func close() async { await inner.close() }

    /// The time the first chunk at or after `start` containing `command` at a frame's command
    /// position arrived (a conservative match: the command byte anywhere in the chunk).
    func firstArrival(of command: UInt8, after start: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        lock.withLock { chunks.first { $0.at >= start && $0.bytes.contains(command) }?.at }
    }

    /// Forgets what was recorded.
    func reset() { lock.withLock { chunks.removeAll(keepingCapacity: true) } }
}

/// A tiny mutex for the tap (Foundation's NSLock without importing Foundation here).
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

#if canImport(Glibc)
import Glibc
#endif
