import DeviceProtocols
import KioskHAL

/// The `CodeScanner` of a USB CDC-ACM or USB-serial scanner that sends one line per code. It owns
/// the port's byte stream while `run()` runs, frames lines with `ScanLineFramer`, applies the
/// arming and debounce policy of `ScanGate` with times from the injected clock, and publishes
/// `ScanEvent`s.
///
/// Policy on what is published (shared by every scanner driver, see `ScannerCore`):
/// - A checked scan is published as `.scanned` only when the gate accepts it (armed, not a
///   duplicate within the debounce window); the gate then disarms. Dropped scans publish nothing.
/// - A refused payload (`.rejected`) is published whether armed or not and never disarms: a
///   technician sees a misconfigured or failing scanner even while no citizen is being asked.
/// - `.connected` after each successful open, `.disconnected` when an open link fails.
public actor SerialLineScanner: CodeScanner, ByteStreamScanner {
    /// A name for logs and errors, e.g. `scanner0`.
    public nonisolated let name: String
    /// Serial lines carry UTF-8; symbology is reported when the framer looks for AIM prefixes.
    public nonisolated let capabilities: ScannerCapabilities
    /// Scans, rejections and connection changes in order, for one consumer; finished when `run()` returns.
    public nonisolated let events: AsyncStream<ScanEvent>

    let configuration: SerialLineScannerConfiguration
    let opener: @Sendable () async throws -> any ByteStream
    var core: ScannerCore
    var framer: ScanLineFramer

    /// A scanner on the stream `opener` returns; `opener` is called again after each
    /// disconnection. Time for debounce and backoff comes from `clock`. The gate starts disarmed.
    public init<C: Clock<Duration>>(
        name: String, configuration: SerialLineScannerConfiguration = SerialLineScannerConfiguration(), clock: C,
        opener: @escaping @Sendable () async throws -> any ByteStream
    ) {
        self.name = name
        self.configuration = configuration
        self.opener = opener
        capabilities = ScannerCapabilities(
            deliversUTF8: true, decodesImages: false,
            reportsSymbology: configuration.framing.aimPrefix != .none,
            maximumPayloadLength: configuration.framing.maximumLength)
        framer = ScanLineFramer(configuration: configuration.framing)
        (core, events) = ScannerCore.make(name: name, debounceWindow: configuration.debounceWindow, clock: clock)
    }

    /// The device state (`.starting` before the first open, `.online` while the port is open,
    /// `.offline` while it is being reopened) and the gate's arming; never waits.
    public func status() -> ScannerStatus { currentStatus() }

    /// Opens the gate for the next accepted scan. A serial scanner in continuous mode needs no
    /// trigger command, so this never waits on the device.
    /// - Throws: `HALError.disconnected` when the port is not open (the gate stays as it was);
    ///   `CancellationError`.
    public func arm() throws { try armGate() }

    /// Closes the gate until the next `arm()`; always succeeds locally, connected or not.
    /// - Throws: `CancellationError` only.
    public func disarm() throws { try disarmGate() }

    /// Forgets the last delivered payload, so the same code can be delivered again at once
    /// (the flow asks for the same receipt on purpose).
    public func forgetLastScan() { core.gate.forgetLastScan() }

    /// Runs the scanner until the task is cancelled: opens the port, publishes `.connected`,
    /// reads and frames lines until the stream fails, then publishes `.disconnected`, drops the
    /// unterminated line and reopens after a backoff doubling from `reconnectInitial` to
    /// `reconnectMaximum` (reset once a link stayed open and carried bytes). The gate's arming
    /// and debounce memory survive a reconnect. On return `events` finishes; call it once.
    public func run() async { await runLinks() }

    var reconnectPolicy: ScannerReconnectPolicy { configuration.reconnectPolicy }

    /// Frames `bytes`, gates every outcome at the current time and publishes what passes.
    func receive(_ bytes: [UInt8]) { core.publish(framer.feed(bytes)) }

    func nextReadTimeout() -> Duration { configuration.readTimeout }

    func tick() {}

    func resetAfterLinkLoss() { framer.reset() }
}

/// How a serial-line scanner is framed and timed. All durations must be positive.
public struct SerialLineScannerConfiguration: Sendable, Equatable {
    /// Suffix, AIM prefix policy and the payload length bound (bytes).
    public var framing: ScanLineFramer.Configuration
    /// How long an identical payload is dropped after one was delivered (default 1.5 s).
    public var debounceWindow: Duration
    /// The longest single read wait before the loop checks for cancellation (default 250 ms).
    public var readTimeout: Duration
    /// The first wait before reopening a lost port (default 100 ms); doubles per failure.
    public var reconnectInitial: Duration
    /// The longest wait between reopen attempts (default 5 s).
    public var reconnectMaximum: Duration

    /// A configuration; every field has a default.
    public init(
        framing: ScanLineFramer.Configuration = ScanLineFramer.Configuration(),
        debounceWindow: Duration = .milliseconds(1500), readTimeout: Duration = .milliseconds(250),
        reconnectInitial: Duration = .milliseconds(100), reconnectMaximum: Duration = .seconds(5)
    ) {
        self.framing = framing
        self.debounceWindow = debounceWindow
        self.readTimeout = readTimeout
        self.reconnectInitial = reconnectInitial
        self.reconnectMaximum = reconnectMaximum
    }

    /// The reopen waits as a policy.
    var reconnectPolicy: ScannerReconnectPolicy {
        ScannerReconnectPolicy(initial: reconnectInitial, maximum: reconnectMaximum)
    }
}
