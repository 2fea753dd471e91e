import DeviceProtocols
import KioskHAL

/// An emulated ESC/POS receipt printer served over a `ByteStream` (an in-memory pipe in unit
/// tests, a PTY or TCP socket in kiosk-hwsim): the thin I/O shell around
/// `EscPosPrinterEmulatorCore`. It reads what the host sends, feeds the core with the time on
/// its clock, and writes the status replies. The control API runs on the same actor, between
/// reads. Unplugging is played by closing the stream: the serve loop then ends quietly.
public actor EscPosPrinterEmulator {
    /// The state machine; mutated only on this actor.
    var core: EscPosPrinterEmulatorCore
    /// Emulator time now, measured by the clock since creation.
    let elapsed: @Sendable () -> Duration
    /// Waits on the same clock (the slow-consumer pause).
    let pause: @Sendable (Duration) async throws -> Void

    /// An emulator around `core`, whose time advances with `clock` from now on.
    public init<C: Clock<Duration>>(core: EscPosPrinterEmulatorCore, clock: C) {
        self.core = core
        let start = clock.now
        self.elapsed = { start.duration(to: clock.now) }
        self.pause = { delay in try await clock.sleep(for: delay) }
    }

    /// An emulator around `core` on the continuous clock.
    public init(core: EscPosPrinterEmulatorCore) {
        self.init(core: core, clock: ContinuousClock())
    }

    /// Serves the printer on `stream` until the task is cancelled or the stream reports
    /// `.disconnected` (unplug); both end quietly. Each read waits at most `poll` (> 0); each
    /// reply write is bounded by `writeTimeout`. Under a slow-consumer fault a pass reads at
    /// most the pace's byte count and then pauses for its delay.
    /// - Throws: any other `HALError` from the stream (a reply write `.timedOut`, for instance).
    public func serve(
        on stream: any ByteStream, poll: Duration = .milliseconds(50), writeTimeout: Duration = .seconds(1)
    ) async throws {
        while !Task.isCancelled {
            let pace = core.readPace
            let bytes: [UInt8]
            do {
                bytes = try await stream.read(maxCount: pace?.maxBytesPerPass ?? 4096, timeout: max(poll, .milliseconds(1)))
            } catch let error as HALError where error.kind == .timedOut {
                continue
            } catch let error as HALError where error.kind == .disconnected {
                return
            } catch is CancellationError {
                return
            }
            let replies = core.receive(bytes, at: elapsed())
            if !replies.isEmpty {
                do {
                    try await stream.write(replies, timeout: writeTimeout)
                } catch let error as HALError where error.kind == .disconnected {
                    return
                } catch is CancellationError {
                    return
                }
            }
            if let pace, pace.delay > .zero {
                do {
                    try await pause(pace.delay)
                } catch {
                    return
                }
            }
        }
    }

    /// Runs `body` on the core (control actions, inspections); replies never result from it.
    /// - Throws: whatever `body` throws; the control API throws `PrinterControlError`.
    public func control<Result: Sendable>(
        _ body: @Sendable (inout EscPosPrinterEmulatorCore) throws(PrinterControlError) -> Result
    ) throws(PrinterControlError) -> Result {
        try body(&core)
    }

    /// A copy of the core as it stands (state, pages, log), for inspection.
    public var snapshot: EscPosPrinterEmulatorCore { core }

    /// Finished pages, oldest first.
    public var pages: [PrintedPage] { core.pages }

    /// What happened, oldest first.
    public var log: [PrinterLogEntry] { core.log }

    /// Sets the paper sensors; see `EscPosPrinterEmulatorCore.setPaper(_:)`.
    public func setPaper(_ level: PrinterCondition.Paper) { core.setPaper(level) }

    /// Opens the cover; printing stops.
    public func openCover() { core.openCover() }

    /// Closes the cover; printing resumes with the next `1B 40`.
    public func closeCover() { core.closeCover() }

    /// Sets or clears the cutter error.
    public func setCutterError(_ failed: Bool) { core.setCutterError(failed) }

    /// Takes the printer online or offline (offline: no status replies).
    public func setOnline(_ isOnline: Bool) { core.setOnline(isOnline) }

    /// Installs a fault plan now.
    public func install(_ plan: PrinterFaultPlan) { core.install(plan) }

    /// Forgets every finished page.
    public func clearPages() { core.clearPages() }

    /// The finished page at `index` as PNG bytes.
    /// - Throws: `PrinterControlError.noSuchPage` or `.pageTooLargeForImage`.
    public func pagePNG(_ index: Int) throws(PrinterControlError) -> [UInt8] {
        try core.pagePNG(index)
    }
}
