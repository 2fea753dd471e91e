import DeviceProtocols
import KioskHAL

/// The `ReceiptPrinter` of an ESC/POS thermal printer on any `ByteStream`: a USB printer-class
/// device node (`/dev/usb/lpN`), a network printer on TCP 9100, or the printer emulator.
///
/// The actor owns the stream that `opener` returns while `run()` runs. Decisions (what replies
/// mean, which events a change publishes, a job's outcome) live in `EscPosPrinterState` and the
/// job bytes in `EscPosJobPlan`; this shell does the I/O with times from the injected clock.
///
/// - One job at a time: a `print` while another runs throws `HALError(.busy)`.
/// - Status (`10 04 1…4`) is read before a job, and again after it: the printer answers only
///   once it has processed everything before the query, so that reply confirms the job.
/// - While idle, status is read every `statusPollInterval` so paper and cover changes surface
///   as events; a lost stream publishes `.unplugged` and is reopened with capped backoff.
public actor EscPosPrinter: ReceiptPrinter {
    /// The configured device id for logs and errors, e.g. `printer0`.
    public nonisolated let name: String
    /// Width, resolution, cutter and near-end sensor, from configuration.
    public nonisolated let capabilities: ReceiptPrinterCapabilities
    /// Status changes in the order they were seen, for one consumer; finished when `run()` returns.
    public nonisolated let events: AsyncStream<ReceiptPrinterEvent>

    let configuration: EscPosPrinterConfiguration
    let opener: @Sendable () async throws -> any ByteStream
    let eventSink: AsyncStream<ReceiptPrinterEvent>.Continuation
    /// Time since the driver was created, on its clock.
    let now: @Sendable () -> Duration
    /// Sleeps on the driver's clock.
    let sleep: @Sendable (Duration) async throws -> Void

    /// Status and event decisions.
    var state: EscPosPrinterState
    /// The open stream, or `nil` while unplugged or before `run()` opened it.
    var link: (any ByteStream)?
    /// Whether a job is in progress (a second `print` is refused).
    var jobActive = false
    /// Whether an operation (a job or a status read) holds the stream.
    var linkHeld = false
    /// Operations waiting for the stream, first come first served.
    var linkWaiters: [CheckedContinuation<Void, Never>] = []

    /// A printer on the stream `opener` returns (called again after each loss), configured by
    /// `configuration`, timed by `clock`.
    public init<C: Clock<Duration>>(
        name: String, configuration: EscPosPrinterConfiguration = EscPosPrinterConfiguration(), clock: C,
        opener: @escaping @Sendable () async throws -> any ByteStream
    ) {
        self.name = name
        self.configuration = configuration
        self.opener = opener
        capabilities = configuration.capabilities
        state = EscPosPrinterState(capabilities: configuration.capabilities)
        (events, eventSink) = AsyncStream.makeStream(of: ReceiptPrinterEvent.self, bufferingPolicy: .unbounded)
        let start = clock.now
        now = { start.duration(to: clock.now) }
        sleep = { try await clock.sleep(for: $0) }
    }

    /// The last known status: `.starting` before the first reading, `.noDevice` while the
    /// stream never opened, `.powerOff` while unplugged; never waits on the device.
    public func status() -> ReceiptPrinterStatus {
        state.status
    }

    /// Publishes `events` in order.
    func publish(_ events: [ReceiptPrinterEvent]) {
        for event in events { eventSink.yield(event) }
    }

    /// Waits until no other operation holds the stream, then holds it; pair with `releaseLink()`.
    func acquireLink() async {
        while linkHeld {
            await withCheckedContinuation { linkWaiters.append($0) }
        }
        linkHeld = true
    }

    /// Lets the next waiting operation use the stream.
    func releaseLink() {
        linkHeld = false
        if !linkWaiters.isEmpty { linkWaiters.removeFirst().resume() }
    }

    /// Why the stream is given up.
    enum LinkLoss {
        /// The stream reported `.disconnected`: the printer was unplugged or the connection dropped.
        case unplugged
        /// The printer stopped taking a job's bytes (or the job was cancelled) part-way through a
        /// write: the printer may be inside image data, so the stream is closed and reopened.
        case outOfStep
    }

    /// Closes and forgets the stream; `run()` reopens it. Publishes `.unplugged` or `.offline`.
    func dropLink(_ loss: LinkLoss) async {
        let stream = link
        link = nil
        switch loss {
        case .unplugged: publish(state.observeUnplugged())
        case .outOfStep: publish(state.observeNoReply())
        }
        await stream?.close()
    }

    /// Time left until `deadline` (on the driver's clock), never negative.
    func remaining(until deadline: Duration) -> Duration {
        max(.zero, deadline - now())
    }
}
