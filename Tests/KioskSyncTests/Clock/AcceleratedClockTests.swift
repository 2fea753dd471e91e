import Testing
import TestSupport

/// The test clock that runs the simulator and the kiosk faster than real time: relations between
/// its readings and real time, never durations measured against a threshold.
@Suite struct AcceleratedClockTests {
    @Test func now_neverGoesBackwards() {
        // Given a clock 30 times faster than real time
        let clock = AcceleratedClock(factor: 30)
        // When it is read many times in a row
        var readings: [AcceleratedClock.Instant] = []
        for _ in 0..<10_000 { readings.append(clock.now) }
        // Then every reading is at or after the one before
        #expect(zip(readings, readings.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(readings[0] >= AcceleratedClock.Instant(sinceOrigin: .zero))
    }

    @Test func instants_advanceFactorTimesFasterThanRealTime() async throws {
        // Given a clock 50 times faster than real time
        let clock = AcceleratedClock(factor: 50)
        let real = ContinuousClock()
        // When real time passes between readings taken inside and outside each other
        let outerRealStart = real.now
        let acceleratedStart = clock.now
        let innerRealStart = real.now
        try await Task.sleep(for: .milliseconds(20))
        let innerRealEnd = real.now
        let acceleratedEnd = clock.now
        let outerRealEnd = real.now
        // Then the accelerated time lies between 50 times the inner and 50 times the outer real span
        let accelerated = acceleratedStart.duration(to: acceleratedEnd)
        #expect(accelerated >= (innerRealEnd - innerRealStart) * 50)
        #expect(accelerated <= (outerRealEnd - outerRealStart) * 50)
    }

    @Test func successiveSleeps_endInDeadlineOrder_eachAtOrAfterItsDeadline_takingAtLeastTheScaledRealTime() async throws {
        // Given a clock 40 times faster than real time
        let clock = AcceleratedClock(factor: 40)
        let real = ContinuousClock()
        var wakes: [AcceleratedClock.Instant] = []
        for seconds in [1, 2, 3] {
            // When a task sleeps `seconds` on it
            let realStart = real.now
            let deadline = clock.now.advanced(by: .seconds(seconds))
            try await clock.sleep(until: deadline)
            // Then the clock has reached the deadline and at least 1/40 of it passed in real time
            let woke = clock.now
            #expect(woke >= deadline)
            #expect(real.now - realStart >= .seconds(seconds) / 40)
            wakes.append(woke)
        }
        #expect(wakes == wakes.sorted())
    }

    @Test func concurrentSleepers_eachWakeAtOrAfterTheirOwnDeadline() async throws {
        // Given a clock 20 times faster than real time and sleepers with deadlines in mixed order
        let clock = AcceleratedClock(factor: 20)
        let start = clock.now
        let offsets = [3, 1, 4, 2, 5].map { Duration.milliseconds($0 * 400) }
        // When they all sleep at once and note when they woke
        let woken = try await withThrowingTaskGroup(of: (Duration, AcceleratedClock.Instant).self) { group in
            for offset in offsets {
                group.addTask {
                    try await clock.sleep(until: start.advanced(by: offset))
                    return (offset, clock.now)
                }
            }
            var woken: [(Duration, AcceleratedClock.Instant)] = []
            for try await entry in group { woken.append(entry) }
            return woken
        }
        // Then every sleeper woke, each at or after its own deadline
        #expect(woken.map(\.0).sorted() == offsets.sorted())
        #expect(woken.allSatisfy { offset, at in at >= start.advanced(by: offset) })
    }

    @Test func aPastDeadline_returnsWithoutWaiting_andACancelledSleepThrows() async throws {
        // Given a clock 10 times faster than real time
        let clock = AcceleratedClock(factor: 10)
        // When a task sleeps until a deadline already behind it
        let past = clock.now
        try await clock.sleep(until: past)
        // Then it returns and the clock is past that deadline
        #expect(clock.now >= past)
        // When a long sleep is cancelled
        let sleeper = Task { try await clock.sleep(for: .seconds(3_600)) }
        sleeper.cancel()
        // Then it throws
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }
}
