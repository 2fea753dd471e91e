import DeviceProtocols
import KioskHAL

/// The `CodeScanner` of a HID scanner that types as a keyboard, read through evdev: its link is
/// a `ByteStream` of 24-byte `input_event` records (an `EvdevDevice` holding the exclusive grab
/// in production, so the keys never reach a focused text field; a PTY or an in-memory pipe in
/// tests). Records are parsed with `EvdevEventParser` and keys decoded by
/// `KeyboardWedgeDecoder` with the configured layout (US by default) and shift tracking.
///
/// A scan ends on Enter (or keypad Enter), or once no key went down for the idle gap. Gaps
/// between keys are measured on the records' own timestamps; the idle timer that ends a scan
/// with no further key runs on the injected clock, counted from the arrival of the last key.
/// Publishing follows `ScannerCore`: armed scans are delivered once and disarm the gate,
/// duplicates within the debounce window are dropped, refusals (`.unknownKey`, `.tooLong`) are
/// always reported. Only printable ASCII can travel this way (`deliversUTF8` is `false`).
public actor KeyboardWedgeScanner: CodeScanner, ByteStreamScanner {
    /// A name for logs and errors, e.g. `scanner0`.
    public nonisolated let name: String
    /// ASCII only, no symbology, bounded by the decoder's length limit (characters).
    public nonisolated let capabilities: ScannerCapabilities
    /// Scans, rejections and connection changes in order, for one consumer; finished when `run()` returns.
    public nonisolated let events: AsyncStream<ScanEvent>

    let configuration: KeyboardWedgeScannerConfiguration
    let opener: @Sendable () async throws -> any ByteStream
    var core: ScannerCore
    var parser = EvdevEventParser()
    var decoder: KeyboardWedgeDecoder
    /// The last key-down record's timestamp and the driver time it arrived at, for the idle timer.
    var lastKey: (timestamp: Duration, arrival: Duration)?

    /// A scanner on the stream of `input_event` records `opener` returns; `opener` is called
    /// again after each disconnection. Debounce, backoff and the idle timer use `clock`.
    public init<C: Clock<Duration>>(
        name: String, configuration: KeyboardWedgeScannerConfiguration = KeyboardWedgeScannerConfiguration(),
        clock: C, opener: @escaping @Sendable () async throws -> any ByteStream
    ) {
        self.name = name
        self.configuration = configuration
        self.opener = opener
        capabilities = ScannerCapabilities(
            deliversUTF8: false, decodesImages: false, reportsSymbology: false,
            maximumPayloadLength: configuration.decoding.maximumLength)
        decoder = KeyboardWedgeDecoder(configuration: configuration.decoding)
        (core, events) = ScannerCore.make(name: name, debounceWindow: configuration.debounceWindow, clock: clock)
    }

    /// The device state (`.starting`, `.online` while the device is open, `.offline` while it is
    /// being reopened) and the gate's arming; never waits.
    public func status() -> ScannerStatus { currentStatus() }

    /// Opens the gate for the next accepted scan; never waits on the device (a wedge takes no
    /// trigger command).
    /// - Throws: `HALError.disconnected` when the device is not open; `CancellationError`.
    public func arm() throws { try armGate() }

    /// Closes the gate until the next `arm()`; always succeeds locally.
    /// - Throws: `CancellationError` only.
    public func disarm() throws { try disarmGate() }

    /// Forgets the last delivered payload, so the same code can be delivered again at once.
    public func forgetLastScan() { core.gate.forgetLastScan() }

    /// Whether keys of an unfinished scan are held (waiting for Enter or the idle gap).
    public var isScanInProgress: Bool { decoder.isScanInProgress }

    /// Runs the scanner until the task is cancelled: opens the device, publishes `.connected`,
    /// decodes keys until the stream fails, then publishes `.disconnected`, drops a scan in
    /// progress and the shift state, and reopens with capped backoff. On return `events`
    /// finishes; call it once.
    public func run() async { await runLinks() }

    var reconnectPolicy: ScannerReconnectPolicy { configuration.reconnectPolicy }

    /// Parses records, decodes keys and publishes the scans they end.
    func receive(_ bytes: [UInt8]) {
        let events = parser.feed(bytes)
        guard !events.isEmpty else { return }
        let outcomes = decoder.feed(events)
        if let key = events.last(where: Self.typesACharacter), decoder.isScanInProgress {
            lastKey = (key.timestamp, core.now())
        }
        if !decoder.isScanInProgress { lastKey = nil }
        core.publish(outcomes)
    }

    /// Ends a scan whose last key is older than the idle gap on the driver's clock.
    func tick() {
        guard let lastKey else { return }
        let idleFor = core.now() - lastKey.arrival
        guard let outcome = decoder.idle(at: lastKey.timestamp + idleFor) else { return }
        self.lastKey = nil
        core.publish([outcome])
    }

    /// While a scan is in progress, wake up when its idle gap would end (at least every 10 ms);
    /// otherwise wait the configured read timeout.
    func nextReadTimeout() -> Duration {
        guard let lastKey else { return configuration.readTimeout }
        let remaining = configuration.decoding.idleGap - (core.now() - lastKey.arrival)
        return min(configuration.readTimeout, max(remaining, .milliseconds(10)))
    }

    /// A key press or repeat other than a shift key (what the decoder times its gaps by).
    static func typesACharacter(_ event: EvdevEvent) -> Bool {
        event.isKeyDown && event.code != KeyboardLayout.leftShift && event.code != KeyboardLayout.rightShift
    }

    func resetAfterLinkLoss() {
        parser.reset()
        decoder.reset()
        lastKey = nil
    }
}

/// How a keyboard-wedge scanner is decoded and timed. All durations must be positive.
public struct KeyboardWedgeScannerConfiguration: Sendable, Equatable {
    /// Layout, idle gap (default 80 ms) and the length bound (characters).
    public var decoding: KeyboardWedgeDecoder.Configuration
    /// How long an identical payload is dropped after one was delivered (default 1.5 s).
    public var debounceWindow: Duration
    /// The longest single read wait while no scan is in progress (default 250 ms).
    public var readTimeout: Duration
    /// How a lost device is reopened (100 ms doubling to 5 s by default).
    public var reconnectPolicy: ScannerReconnectPolicy

    /// A configuration; every field has a default.
    public init(
        decoding: KeyboardWedgeDecoder.Configuration = KeyboardWedgeDecoder.Configuration(),
        debounceWindow: Duration = .milliseconds(1500), readTimeout: Duration = .milliseconds(250),
        reconnectPolicy: ScannerReconnectPolicy = ScannerReconnectPolicy()
    ) {
        self.decoding = decoding
        self.debounceWindow = debounceWindow
        self.readTimeout = readTimeout
        self.reconnectPolicy = reconnectPolicy
    }
}
