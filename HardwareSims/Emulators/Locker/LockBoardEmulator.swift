import KioskHAL

/// An emulated lock-board bus served over a `ByteStream` (an in-memory pipe in unit tests, a PTY
/// or TCP socket in kiosk-hwsim): the thin I/O shell around `LockBoardEmulatorCore`. It reads
/// what the host sends, feeds the core with the time elapsed on its clock, and writes what the
/// core schedules. The control API runs on the same actor, between reads.
public actor LockBoardEmulator {
    /// The state machine; mutated only on this actor.
    var core: LockBoardEmulatorCore
    /// Emulator time now: the core's time at creation plus what the clock has measured since.
    let elapsed: @Sendable () -> Duration

    /// An emulator around `core`, whose time advances with `clock` from now on.
    public init<C: Clock<Duration>>(core: LockBoardEmulatorCore, clock: C) {
        self.core = core
        let origin = core.now
        let start = clock.now
        self.elapsed = { origin + start.duration(to: clock.now) }
    }

    /// An emulator around `core` on the continuous clock.
    public init(core: LockBoardEmulatorCore) {
        self.init(core: core, clock: ContinuousClock())
    }

    /// Serves the bus on `stream` until the task is cancelled or the stream reports
    /// `.disconnected`; both end quietly. Waits at most `poll` (> 0) between passes so door
    /// changes, pulse ends and delayed replies go out on time, and bounds each write by
    /// `writeTimeout`.
    /// - Throws: any other `HALError` from the stream (a write `.timedOut`, for instance).
    public func serve(
        on stream: any ByteStream, poll: Duration = .milliseconds(10), writeTimeout: Duration = .seconds(1)
    ) async throws {
        while !Task.isCancelled {
            guard try await write(core.advance(to: elapsed()), to: stream, timeout: writeTimeout) else { return }
            let bytes: [UInt8]
            do {
                bytes = try await stream.read(maxCount: 256, timeout: waitBound(poll))
            } catch let error as HALError where error.kind == .timedOut {
                continue
            } catch let error as HALError where error.kind == .disconnected {
                return
            } catch is CancellationError {
                return
            }
            guard try await write(core.receive(bytes, at: elapsed()), to: stream, timeout: writeTimeout) else { return }
        }
    }

    /// Runs `body` on the core at the current emulator time (control actions, inspections).
    /// Transmissions it queues go out on the next pass of `serve(on:)`.
    /// - Throws: whatever `body` throws; the control API throws `LockControlError`.
    public func control<Result: Sendable>(
        _ body: @Sendable (inout LockBoardEmulatorCore) throws(LockControlError) -> Result
    ) throws(LockControlError) -> Result {
        core.step(to: elapsed())
        return try body(&core)
    }

    /// A copy of the core as it stands (state, log, faults), for inspection.
    public var snapshot: LockBoardEmulatorCore { core }

    /// How long the next read may wait: `poll`, or less when something is due sooner (≥ 1 ms).
    private func waitBound(_ poll: Duration) -> Duration {
        let floor = Duration.milliseconds(1)
        guard let next = core.nextWakeUp else { return max(poll, floor) }
        return max(min(poll, next - elapsed()), floor)
    }

    /// Writes each transmission in order; returns `false` when the peer has gone.
    private func write(
        _ transmissions: [LockBusTransmission], to stream: any ByteStream, timeout: Duration
    ) async throws -> Bool {
        for transmission in transmissions {
            do {
                try await stream.write(transmission.bytes, timeout: timeout)
            } catch let error as HALError where error.kind == .disconnected {
                return false
            } catch is CancellationError {
                return false
            }
        }
        return true
    }
}
