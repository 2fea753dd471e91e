import KioskSync
import TestSupport
import Testing

@Suite struct BackoffPolicyTests {
    @Test func standardDelays_doubleFromHalfASecond_andStopAtOneMinute() {
        let policy = BackoffPolicy.standard
        let ceilings = (1...10).map { policy.ceiling(afterFailures: $0) }
        #expect(ceilings == [
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32),
            .seconds(60), .seconds(60), .seconds(60),
        ])
        #expect(policy.ceiling(afterFailures: 10_000) == .seconds(60))
    }

    @Test func jitteredDelay_staysBetweenHalfAndAllOfTheCeiling_andReplaysFromTheSeed() {
        let policy = BackoffPolicy.standard
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        var distinct = Set<Duration>()
        for failures in 1...200 {
            let delay = policy.delay(afterFailures: failures, using: &first)
            let ceiling = policy.ceiling(afterFailures: failures)
            #expect(delay >= ceiling / 2 && delay <= ceiling)
            #expect(delay == policy.delay(afterFailures: failures, using: &second))
            distinct.insert(delay)
        }
        // Jitter really spreads the capped delays instead of returning the cap every time.
        #expect(distinct.count > 150)
    }

    @Test func nonsensicalNumbers_areRefusedWithTheirValues() {
        #expect(throws: SyncConfigurationError.self) {
            try BackoffPolicy(initial: .zero, multiplier: 2, maximum: .seconds(1))
        }
        #expect(throws: SyncConfigurationError.self) {
            try BackoffPolicy(initial: .seconds(2), multiplier: 2, maximum: .seconds(1))
        }
        #expect(throws: SyncConfigurationError.self) {
            try BackoffPolicy(initial: .seconds(1), multiplier: 0.5, maximum: .seconds(10))
        }
    }
}
