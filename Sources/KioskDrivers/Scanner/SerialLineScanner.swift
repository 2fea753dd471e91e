import DeviceProtocols
import KioskHAL

/// The `CodeScanner` of a USB CDC-ACM or USB-serial scanner that sends one line per code. It owns
/// the port's byte stream while `run()` runs, frames lines with `ScanLineFramer`, applies the
/// arming and debounce policy of `ScanGate` with times from the injected clock, and publishes
/// `ScanEvent`s.
///
/// Policy on what is published:
/// - A checked scan is published as `.scanned` only when the gate accepts it (armed, not a
///   duplicate within the debounce window); the gate then disarms. Dropped scans publish nothing.
/// - A refused payload (`.rejected`) is published whether armed or not and never disarms: a
///   technician sees a misconfigured or failing scanner even while no citizen is being asked.
/// - `.connected` after each successful open, `.disconnected` when an open link fails.
public actor SerialLineScanner: CodeScanner {
    /// A name for logs and errors, e.g. `scanner0`.
    public nonisolated let name: String
    /// Serial lines carry UTF-8; symbology is reported when the framer looks for AIM prefixes.
    public nonisolated let capabilities: ScannerCapabilities
    /// Scans, rejections and connection changes in order, for one consumer; finished when `run()` returns.
    public nonisolated let events: AsyncStream<ScanEvent>

    let eventSink: AsyncStream<ScanEvent>.Continuation
    let configuration: SerialLineScannerConfiguration
    let opener: @Sendable () async throws -> any ByteStream
    /// Time since the driver was created, on its clock.
    let now: @Sendable () -> Duration
    /// Sleeps on the driver's clock.
    let sleep: @Sendable (Duration) async throws -> Void
    var framer: ScanLineFramer
    var gate: ScanGate
    var device: DeviceStatus = .starting
    var connected = false

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
        gate = ScanGate(debounceWindow: configuration.debounceWindow)
        let (stream, continuation) = AsyncStream.makeStream(of: ScanEvent.self, bufferingPolicy: .unbounded)
        events = stream
        eventSink = continuation
        let start = clock.now
        now = { start.duration(to: clock.now) }
        sleep = { try await clock.sleep(for: $0) }
    }

    /// The device state (`.starting` before the first open, `.online` while the port is open,
    /// `.offline` while it is being reopened) and the gate's arming; never waits.
    public func status() -> ScannerStatus {
        ScannerStatus(device: device, arming: gate.isArmed ? .armed : .disarmed)
    }

    /// Opens the gate for the next accepted scan. A serial scanner in continuous mode needs no
    /// trigger command, so this never waits on the device.
    /// - Throws: `HALError.disconnected` when the port is not open (the gate stays as it was);
    ///   `CancellationError`.
    public func arm() throws {
        try Task.checkCancellation()
        guard connected else { throw HALError(.disconnected, device: name, detail: "scanner port not open") }
        gate.arm()
    }

    /// Closes the gate until the next `arm()`; always succeeds locally, connected or not.
    /// - Throws: `CancellationError` only.
    public func disarm() throws {
        gate.disarm()
        try Task.checkCancellation()
    }

    /// Forgets the last delivered payload, so the same code can be delivered again at once
    /// (the flow asks for the same receipt on purpose).
    public func forgetLastScan() {
        gate.forgetLastScan()
    }

    /// Frames `bytes`, gates every outcome at the current time and publishes what passes.
    func receive(_ bytes: [UInt8]) {
        let time = now()
        for outcome in framer.feed(bytes) {
            if case .accepted = gate.admit(outcome, at: time) {
                eventSink.yield(outcome.event)
            }
        }
    }
}

// The port loop: open the stream, read and frame lines, reconnect with capped backoff.
extension SerialLineScanner {
    /// Runs the scanner until the task is cancelled: opens the port, publishes `.connected`,
    /// reads and frames lines until the stream fails, then publishes `.disconnected`, drops the
    /// unterminated line and reopens after a backoff doubling from `reconnectInitial` to
    /// `reconnectMaximum` (reset once a link stayed open and carried bytes). The gate's arming
    /// and debounce memory survive a reconnect. On return `events` finishes; call it once.
    public func run() async {
        var backoff = configuration.reconnectInitial
        while !Task.isCancelled {
            let stream: any ByteStream
            do {
                stream = try await opener()
            } catch {
                device = .offline
                guard (try? await sleep(backoff)) != nil else { break }
                backoff = configuration.backoff(after: backoff)
                continue
            }
            connected = true
            device = .online
            eventSink.yield(.connected)
            let carriedBytes = await serve(stream)
            await stream.close()
            connected = false
            device = .offline
            framer.reset()
            if Task.isCancelled { break }
            eventSink.yield(.disconnected)
            if carriedBytes { backoff = configuration.reconnectInitial }
            guard (try? await sleep(backoff)) != nil else { break }
            backoff = configuration.backoff(after: backoff)
        }
        connected = false
        device = .offline
        eventSink.finish()
    }

    /// Reads `stream` until it fails or the task is cancelled; returns whether any byte arrived.
    func serve(_ stream: any ByteStream) async -> Bool {
        var carriedBytes = false
        while !Task.isCancelled {
            do {
                let bytes = try await stream.read(maxCount: 512, timeout: configuration.readTimeout)
                carriedBytes = carriedBytes || !bytes.isEmpty
                receive(bytes)
            } catch let error as HALError where error.kind == .timedOut {
                continue
            } catch {
                // `.disconnected`, any other stream error or cancellation ends this link.
                return carriedBytes
            }
        }
        return carriedBytes
    }
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

    /// The next reconnect wait after `current`: doubled, capped at `reconnectMaximum`.
    func backoff(after current: Duration) -> Duration {
        min(current * 2, reconnectMaximum)
    }
}
