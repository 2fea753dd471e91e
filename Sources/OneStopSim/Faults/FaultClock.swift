/// The clock every fault duration is measured on: outage periods, added latency and how long a
/// `timeout` holds a request. Any `Clock` with `Duration` steps, erased; `ContinuousClock` unless
/// the simulator is given another (tests run the simulator and the kiosk on one faster clock).
public struct FaultClock: Sendable {
    private let readElapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// Measures on `clock`, counting from now.
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        readElapsed = { start.duration(to: clock.now) }
        sleeper = { duration in try await clock.sleep(for: duration) }
    }

    /// The real passage of time (`ContinuousClock`).
    public static var continuous: FaultClock { FaultClock(ContinuousClock()) }

    /// Time on the clock since this value was made; never decreases.
    public var elapsed: Duration { readElapsed() }

    /// Time on the clock since this value was made, whole milliseconds.
    public var elapsedMilliseconds: Int {
        let parts = elapsed.components
        return Int(parts.seconds) * 1_000 + Int(parts.attoseconds / 1_000_000_000_000_000)
    }

    /// Waits `duration` on the clock.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(for duration: Duration) async throws {
        try await sleeper(duration)
    }
}
