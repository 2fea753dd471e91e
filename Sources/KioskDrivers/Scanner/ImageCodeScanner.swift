import DeviceProtocols
import KioskHAL

/// The `CodeScanner` of a camera or an image source: every frame is decoded with zbar
/// (`BarcodeImageDecoder`), every symbol keeps its type (`Scan.symbology` as an AIM identifier)
/// and is checked like a serial line (`ImageScanDecoder`), then goes through the same gate as
/// every scanner (`ScannerCore`): armed → the first accepted symbol is delivered and the gate
/// disarms, so the other symbols of that frame are dropped; the same code seen again within the
/// debounce window (a code held in front of the camera) is dropped; refused symbols are reported.
///
/// Frames with no symbol yield nothing. A frame larger than `maximumPixelCount`, or one zbar
/// cannot scan, yields nothing either and is counted in `frameCounts` — never a crash. The
/// link is an `ImageFrameSource` from the opener, reopened after it finishes.
public actor ImageCodeScanner: CodeScanner, ReconnectingScanner {
    /// How many frames had which fate, for diagnostics.
    public struct FrameCounts: Sendable, Equatable {
        /// Frames in which at least one symbol was found.
        public var withSymbols = 0
        /// Frames decoded without finding a symbol.
        public var withoutSymbols = 0
        /// Frames refused for their size.
        public var oversized = 0
        /// Frames zbar failed to scan.
        public var undecodable = 0
    }

    /// A name for logs and errors, e.g. `camera0`.
    public nonisolated let name: String
    /// UTF-8 payloads, decoded in software, with symbology.
    public nonisolated let capabilities: ScannerCapabilities
    /// Scans, rejections and connection changes in order, for one consumer; finished when `run()` returns.
    public nonisolated let events: AsyncStream<ScanEvent>

    let configuration: ImageCodeScannerConfiguration
    let opener: @Sendable () async throws -> any ImageFrameSource
    let symbols: ImageScanDecoder
    var core: ScannerCore
    /// How many frames had which fate.
    public private(set) var frameCounts = FrameCounts()

    /// A scanner on the frame source `opener` returns; `opener` is called again after each
    /// source finishes. Debounce and backoff use `clock`. The gate starts disarmed.
    public init<C: Clock<Duration>>(
        name: String, configuration: ImageCodeScannerConfiguration = ImageCodeScannerConfiguration(),
        clock: C, opener: @escaping @Sendable () async throws -> any ImageFrameSource
    ) {
        self.name = name
        self.configuration = configuration
        self.opener = opener
        symbols = ImageScanDecoder(maximumLength: configuration.maximumLength)
        capabilities = ScannerCapabilities(
            deliversUTF8: true, decodesImages: true, reportsSymbology: true,
            maximumPayloadLength: symbols.maximumLength)
        (core, events) = ScannerCore.make(name: name, debounceWindow: configuration.debounceWindow, clock: clock)
    }

    /// The device state (`.online` while the source is open) and the gate's arming; never waits.
    public func status() -> ScannerStatus { currentStatus() }

    /// Opens the gate for the next accepted scan; never waits.
    /// - Throws: `HALError.disconnected` when no source is open; `CancellationError`.
    public func arm() throws { try armGate() }

    /// Closes the gate until the next `arm()`; always succeeds locally.
    /// - Throws: `CancellationError` only.
    public func disarm() throws { try disarmGate() }

    /// Forgets the last delivered payload, so the same code can be delivered again at once.
    public func forgetLastScan() { core.gate.forgetLastScan() }

    /// Runs the scanner until the task is cancelled, reopening the source after it finishes.
    /// On return `events` finishes; call it once.
    public func run() async { await runLinks() }

    /// Decodes one frame and publishes what passes the gate.
    func handle(_ frame: GreyImage) {
        guard frame.width * frame.height <= configuration.maximumPixelCount else {
            frameCounts.oversized += 1
            return
        }
        let found: [DecodedSymbol]
        do {
            found = try BarcodeImageDecoder().decode(frame)
        } catch {
            frameCounts.undecodable += 1
            return
        }
        if found.isEmpty {
            frameCounts.withoutSymbols += 1
        } else {
            frameCounts.withSymbols += 1
        }
        core.publish(symbols.outcomes(for: found))
    }

    var reconnectPolicy: ScannerReconnectPolicy { configuration.reconnectPolicy }

    func openLink() async throws -> any ImageFrameSource { try await opener() }

    /// Decodes frames until the source finishes or the task is cancelled.
    func serve(_ link: any ImageFrameSource) async -> Bool {
        var carriedFrames = false
        for await frame in link.frames() {
            carriedFrames = true
            handle(frame)
            await Task.yield()
        }
        return carriedFrames
    }

    func closeLink(_ link: any ImageFrameSource) async { await link.close() }

    func resetAfterLinkLoss() {}
}

/// How an image scanner bounds and times its work.
public struct ImageCodeScannerConfiguration: Sendable, Equatable {
    /// The longest payload accepted, in bytes (default 1024).
    public var maximumLength: Int
    /// The largest frame decoded, in pixels (default 8 Mpx, e.g. 3840 × 2160).
    public var maximumPixelCount: Int
    /// How long an identical payload is dropped after one was delivered (default 1.5 s).
    public var debounceWindow: Duration
    /// How a finished source is reopened (100 ms doubling to 5 s by default).
    public var reconnectPolicy: ScannerReconnectPolicy

    /// A configuration; every field has a default.
    public init(
        maximumLength: Int = 1024, maximumPixelCount: Int = 8 * 1024 * 1024,
        debounceWindow: Duration = .milliseconds(1500), reconnectPolicy: ScannerReconnectPolicy = ScannerReconnectPolicy()
    ) {
        self.maximumLength = maximumLength
        self.maximumPixelCount = maximumPixelCount
        self.debounceWindow = debounceWindow
        self.reconnectPolicy = reconnectPolicy
    }
}
