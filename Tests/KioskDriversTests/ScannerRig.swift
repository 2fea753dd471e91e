import DeviceProtocols
import DeviceTransports
import Foundation
import HardwareSims
import KioskDrivers
import KioskHAL
import Synchronization
import Testing

/// A clock whose time moves only when the test advances it; sleeps return after a brief real
/// pause without moving time, so backoff never stalls a test and debounce stays deterministic.
final class SteppedClock: Clock {
    /// A point on the stepped clock: the offset from its origin.
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let offset = Mutex<Duration>(.zero)
    var now: Instant { Instant(offset: offset.withLock { $0 }) }
    var minimumResolution: Duration { .nanoseconds(1) }

    /// Moves time forward by `duration`.
    func advance(by duration: Duration) { offset.withLock { $0 += duration } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try await Task.sleep(for: .milliseconds(2))
    }
}

/// The wire between the driver and the emulator.
enum ScannerTransport: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case memory, pty
    var testDescription: String { rawValue }
}

/// Plugs the scanner's port: each open hands the driver a stream and the emulator the other end.
actor ScannerPort {
    nonisolated let deviceEnds: AsyncStream<any ByteStream>
    private let sink: AsyncStream<any ByteStream>.Continuation
    private let transport: ScannerTransport
    private let link: String
    private var current: (any ByteStream)?
    private var terminal: PseudoTerminal?

    init(transport: ScannerTransport) {
        (deviceEnds, sink) = AsyncStream.makeStream(of: (any ByteStream).self)
        self.transport = transport
        link = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-\(UUID().uuidString)").path
    }

    /// The driver's opener: a fresh in-memory pipe, or the PTY's slave as a 9600-baud serial port.
    func open() async throws -> any ByteStream {
        switch transport {
        case .memory:
            let (host, device) = InMemoryByteStream.pair(name: "scanner")
            current = host
            sink.yield(device)
            return host
        case .pty:
            if terminal == nil {
                let pty = try PseudoTerminal(name: "scanner", linkPath: link)
                terminal = pty
                sink.yield(pty.master)
            }
            let port = try SerialPort(path: link, bitsPerSecond: 9600, name: "scanner")
            current = port
            return port
        }
    }

    /// Closes the driver's current stream (the port went away); the driver reopens it.
    func cut() async { await current?.close() }

    /// Releases the PTY.
    func shutdown() async {
        sink.finish()
        await terminal?.close()
    }
}

/// A `SerialLineScanner` against a `ScannerEmulator` (CR LF, `]Q1`) over the chosen transport.
struct ScannerRig: Sendable {
    static let debounceWindow: Duration = .seconds(2)
    static let maximumLength = 256

    let driver: SerialLineScanner
    let emulator: ScannerEmulator
    let clock: SteppedClock
    let port: ScannerPort

    /// Runs the driver and the emulator while `body` drives the test; stops both afterwards.
    static func run(
        over transport: ScannerTransport, _ body: @escaping @Sendable (ScannerRig) async throws -> Void
    ) async throws {
        let clock = SteppedClock()
        let port = ScannerPort(transport: transport)
        let configuration = SerialLineScannerConfiguration(
            framing: ScanLineFramer.Configuration(
                suffix: .carriageReturnLineFeed, aimPrefix: .optional, maximumLength: maximumLength),
            debounceWindow: debounceWindow, readTimeout: .milliseconds(50))
        let driver = SerialLineScanner(name: "scanner0", configuration: configuration, clock: clock) {
            try await port.open()
        }
        let emulator = ScannerEmulator(mode: .serialLine(suffix: .carriageReturnLineFeed, aimPrefix: true))
        let rig = ScannerRig(driver: driver, emulator: emulator, clock: clock, port: port)
        try await withScannerHarness(port: port, emulator: emulator, driver: { await driver.run() }) {
            try await body(rig)
        }
    }
}

/// Runs `driver` and the emulator (serving every stream the port hands out) while `body` drives
/// the test; stops both afterwards and releases the port.
func withScannerHarness(
    port: ScannerPort, emulator: ScannerEmulator, driver: @escaping @Sendable () async -> Void,
    _ body: @escaping @Sendable () async throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await driver() }
        group.addTask {
            for await device in port.deviceEnds {
                try? await emulator.serve(on: device)
            }
        }
        defer { group.cancelAll() }
        try await body()
    }
    await port.shutdown()
}

extension AsyncStream<ScanEvent>.Iterator {
    /// The next event; fails the test when the stream finished instead.
    mutating func nextEvent() async throws -> ScanEvent {
        let event = await next()
        return try #require(event)
    }
}
