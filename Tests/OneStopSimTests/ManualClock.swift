import Synchronization

/// A clock that stands still until the test moves it, so a fault period can be crossed exactly:
/// one millisecond before its end, then at its end.
final class ManualClock: Clock, Sendable {
    /// A point on the manual timeline: the time the test has advanced since the start.
    struct Instant: InstantProtocol, Sendable {
        var sinceStart: Duration

        func advanced(by duration: Duration) -> Instant { Instant(sinceStart: sinceStart + duration) }
        func duration(to other: Instant) -> Duration { other.sinceStart - sinceStart }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.sinceStart < rhs.sinceStart }
    }

    private let current = Mutex(Instant(sinceStart: .zero))

    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    /// Moves the clock forward by `duration`.
    func advance(by duration: Duration) {
        current.withLock { $0 = $0.advanced(by: duration) }
    }

    /// Returns once the test has advanced the clock to `deadline` (checking every millisecond).
    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        while now < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}
