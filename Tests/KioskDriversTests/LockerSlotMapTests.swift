import DeviceTransports
import Testing
@testable import KioskDrivers

@Suite struct LockerSlotMapTests {
    let buses: [String: LockerSlotAddress.Family] = ["lockbus0": .kerong, "lockbus1": .wkly]

    func entry(_ label: String, _ bus: String = "lockbus0", _ family: LockerSlotAddress.Family = .kerong,
               board: Int = 0, channel: Int = 1) -> LockerSlotMap.Entry {
        LockerSlotMap.Entry(label: label, address: LockerSlotAddress(bus: bus, family: family, board: board, channel: channel))
    }

    @Test func validMap_isBuilt_andLooksUpByLabelAndBus() throws {
        // Given slots on both buses, one disabled
        let map = try LockerSlotMap(buses: buses, entries: [
            entry("A-01"), entry("A-02", channel: 2),
            LockerSlotMap.Entry(label: "B-01", address: LockerSlotAddress(bus: "lockbus1", family: .wkly, board: 31, channel: 64), enabled: false),
        ])
        // Then lookups work and disabled slots are left out of the enabled list
        #expect(map.entry(for: "A-02")?.address.channel == 2)
        #expect(map.entry(for: "Z-99") == nil)
        #expect(map.enabledEntries(onBus: "lockbus0").map(\.label) == ["A-01", "A-02"])
        #expect(map.enabledEntries(onBus: "lockbus1").isEmpty)
    }

    @Test func emptyOrLongLabel_isRefused() {
        #expect(throws: LockerSlotMapError.invalidLabel("")) { try LockerSlotMap(buses: buses, entries: [entry("")]) }
        let long = String(repeating: "X", count: 17)
        #expect(throws: LockerSlotMapError.invalidLabel(long)) { try LockerSlotMap(buses: buses, entries: [entry(long)]) }
    }

    @Test func duplicateLabel_isRefused() {
        #expect(throws: LockerSlotMapError.duplicateLabel("A-01")) {
            try LockerSlotMap(buses: buses, entries: [entry("A-01"), entry("A-01", channel: 2)])
        }
    }

    @Test func twoLabelsOnOneLock_areRefused() {
        #expect(throws: LockerSlotMapError.sharedAddress(first: "A-01", second: "A-02", bus: "lockbus0", board: 3, channel: 5)) {
            try LockerSlotMap(buses: buses, entries: [entry("A-01", board: 3, channel: 5), entry("A-02", board: 3, channel: 5)])
        }
    }

    @Test func unknownBus_isRefused() {
        #expect(throws: LockerSlotMapError.unknownBus(label: "A-01", bus: "lockbus9")) {
            try LockerSlotMap(buses: buses, entries: [entry("A-01", "lockbus9")])
        }
    }

    @Test func familyMismatch_isRefused() {
        #expect(throws: LockerSlotMapError.familyMismatch(label: "A-01", bus: "lockbus0", busFamily: .kerong, slotFamily: .wkly)) {
            try LockerSlotMap(buses: buses, entries: [entry("A-01", "lockbus0", .wkly)])
        }
    }

    @Test func boardOutOfRange_isRefused_perFamily() {
        #expect(throws: LockerSlotMapError.boardOutOfRange(label: "A-01", board: 16, maximum: 15)) {
            try LockerSlotMap(buses: buses, entries: [entry("A-01", board: 16)])
        }
        #expect(throws: LockerSlotMapError.boardOutOfRange(label: "B-01", board: -1, maximum: 31)) {
            try LockerSlotMap(buses: buses, entries: [entry("B-01", "lockbus1", .wkly, board: -1)])
        }
    }

    @Test func channelOutOfRange_isRefused_perFamily() {
        #expect(throws: LockerSlotMapError.channelOutOfRange(label: "A-01", channel: 17, maximum: 16)) {
            try LockerSlotMap(buses: buses, entries: [entry("A-01", channel: 17)])
        }
        #expect(throws: LockerSlotMapError.channelOutOfRange(label: "B-01", channel: 0, maximum: 64)) {
            try LockerSlotMap(buses: buses, entries: [entry("B-01", "lockbus1", .wkly, channel: 0)])
        }
        #expect(throws: LockerSlotMapError.channelOutOfRange(label: "B-02", channel: 65, maximum: 64)) {
            try LockerSlotMap(buses: buses, entries: [entry("B-02", "lockbus1", .wkly, channel: 65)])
        }
    }
}

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
            try LockBusDriver(bus: "w", map: map, clock: ContinuousClock()) { InMemoryByteStream.pair(name: "bus").driver }
        }
    }
}
