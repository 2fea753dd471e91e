import Testing
@testable import KioskDrivers

@Suite struct LockBusTimingTests {
    @Test func defaults_followTheFamilyBaudRate() {
        // Then Kerong (19200 baud) waits 100 ms per command, WKLY (9600 baud) 200 ms; pulses 300 ms apart
        #expect(LockBusTiming.defaults(for: .kerong).commandTimeout == .milliseconds(100))
        #expect(LockBusTiming.defaults(for: .wkly).commandTimeout == .milliseconds(200))
        #expect(LockBusTiming.defaults(for: .wkly).pulseSpacing == .milliseconds(300))
    }

    @Test func backoff_doubles_upToTheCap() {
        // Given a 100 ms start and a 1 s cap
        var timing = LockBusTiming.defaults(for: .kerong)
        timing.reconnectInitial = .milliseconds(100)
        timing.reconnectMaximum = .seconds(1)
        // When the backoff grows five times
        var waits: [Duration] = [timing.reconnectInitial]
        for _ in 0..<5 { waits.append(timing.backoff(after: waits[waits.count - 1])) }
        // Then it doubles and stops at the cap
        #expect(waits == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)])
    }

    @Test func driver_forABusMissingFromTheMap_isRefused() throws {
        // Given a map with only bus k
        let map = try LockerSlotMap(buses: ["k": .kerong], entries: [])
        // Then a driver for bus w cannot be built
        #expect(throws: LockerSlotMapError.unknownBus(label: "", bus: "w")) {
            try LockBusDriver(bus: "w", map: map, clock: ContinuousClock()) { DriverTestPipe.makePair().host }
        }
    }
}
