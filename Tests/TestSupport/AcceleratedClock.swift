/// A clock for tests whose time runs `factor` times faster than `ContinuousClock`: its instants
/// advance `factor` seconds per real second, and a sleep lasts 1/`factor` of its length in real
/// time. Runs a simulated 30-second outage in one real second; the code under test sees an
/// ordinary `Clock`. Instants count from the moment the clock was made. Copies share the origin,
/// so every party handed one copy sees one timeline.
public struct AcceleratedClock: Clock, Sendable {
    /// A point on the accelerated timeline: the accelerated time since the clock's origin.
    public struct Instant: InstantProtocol, Sendable {
        /// Accelerated time since the origin.
        public var sinceOrigin: Duration

        /// The instant `sinceOrigin` after the clock's origin.
        public init(sinceOrigin: Duration) {
            self.sinceOrigin = sinceOrigin
        }

        public func advanced(by duration: Duration) -> Instant {
            Instant(sinceOrigin: sinceOrigin + duration)
        }

        public func duration(to other: Instant) -> Duration {
            other.sinceOrigin - sinceOrigin
        }

        public static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.sinceOrigin < rhs.sinceOrigin
        }
    }

    /// How many times faster than real time, at least 1.
    public let factor: Int
    private let origin: ContinuousClock.Instant

    /// A clock `factor` (at least 1; smaller values count as 1) times faster than real time,
    /// starting at zero now.
    public init(factor: Int) {
        self.factor = max(1, factor)
        origin = ContinuousClock.now
    }

    public var now: Instant {
        Instant(sinceOrigin: (ContinuousClock.now - origin) * factor)
    }

    public var minimumResolution: Duration {
        ContinuousClock().minimumResolution * factor
    }

    /// Sleeps until `deadline` on this clock (1/`factor` of the accelerated wait in real time);
    /// when it returns, `now` is at or past `deadline`.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        // One nanosecond more than the exact quotient, so the truncating division never wakes early.
        let realDeadline = origin + deadline.sinceOrigin / factor + .nanoseconds(1)
        try await ContinuousClock().sleep(until: realDeadline, tolerance: tolerance.map { $0 / factor })
    }
}
