import Foundation
import KioskDomain
import KioskDrivers
import Testing
@testable import KioskApp

@Suite struct LockerConfigurationTests {
    private static let slotsA = """
        {"label": "A-01", "bus": "lockbus0", "board": 0, "channel": 1, "size": "S", "doorHeightMm": 300},
        {"label": "A-02", "bus": "lockbus0", "board": 0, "channel": 2, "size": "M", "doorHeightMm": 700, "enabled": false}
        """

    private func parse(slots: String, buses: String? = nil) throws(ConfigurationError) -> KioskConfiguration {
        let busList = buses ?? #"{"id": "lockbus0", "family": "kerong", "device": "/dev/kiosk/lockbus0"}, {"id": "lockbus1", "family": "wkly", "device": "/dev/kiosk/lockbus1"}"#
        let text = """
            {"kiosk": {"id": "KVT01", "name": "ATM", "agency": "PVHCC", "hotline": "0293 3870 000"},
             "stateDirectory": "/tmp/kiosk",
             "lockers": {"buses": [\(busList)], "slots": [\(slots)]}}
            """
        return try KioskConfiguration.parse(Data(text.utf8))
    }

    @Test func validSection_givesBusesSlotsAndTheDriversMap() throws {
        let lockers = try #require(try parse(slots: Self.slotsA).lockers)
        #expect(lockers.buses.map(\.id) == ["lockbus0", "lockbus1"])
        #expect(lockers.buses.map(\.baud) == [19200, 9600])
        #expect(lockers.slots.map(\.label.rawValue) == ["A-01", "A-02"])
        #expect(lockers.slots.map(\.size) == [.small, .medium])
        #expect(lockers.slotMap.entry(for: "A-01")?.address == LockerSlotAddress(bus: "lockbus0", family: .kerong, board: 0, channel: 1))
        #expect(lockers.slotMap.entry(for: "A-02")?.enabled == false)
        #expect(lockers.slotMap.enabledEntries(onBus: "lockbus0").map(\.label) == ["A-01"])
    }

    @Test func noSection_meansNoLockers() throws {
        let text = #"{"kiosk": {"id": "KVT01", "name": "ATM", "agency": "PVHCC", "hotline": "0293"}, "stateDirectory": "/tmp/k"}"#
        #expect(try KioskConfiguration.parse(Data(text.utf8)).lockers == nil)
    }

    @Test(arguments: [
        (#"{"label": "A-01", "bus": "lockbus9", "board": 0, "channel": 1, "size": "S", "doorHeightMm": 300}"#,
         ConfigurationError.invalid(key: "lockers.slots[0].bus", reason: "names no bus in lockers.buses ('lockbus9')")),
        (#"{"label": "A-01", "bus": "lockbus0", "board": 0, "channel": 17, "size": "S", "doorHeightMm": 300}"#,
         .invalid(key: "lockers.slots[0].channel", reason: "must be between 1 and 16 (got 17)")),
        (#"{"label": "A-01", "bus": "lockbus0", "board": 16, "channel": 1, "size": "S", "doorHeightMm": 300}"#,
         .invalid(key: "lockers.slots[0].board", reason: "must be between 0 and 15 (got 16)")),
        (#"{"label": "A01", "bus": "lockbus0", "board": 0, "channel": 1, "size": "S", "doorHeightMm": 300}"#,
         .invalid(key: "lockers.slots[0].label", reason: "must look like A-01 (letters, dash, 2–3 digits)")),
        (#"{"label": "A-01", "bus": "lockbus0", "board": 0, "channel": 1, "size": "XL", "doorHeightMm": 300}"#,
         .invalid(key: "lockers.slots[0].size", reason: "must be one of S, M, L")),
        (#"{"label": "A-01", "bus": "lockbus0", "board": 0, "channel": 1, "size": "S", "doorHeightMm": 300, "colour": "red"}"#,
         .unknown(key: "lockers.slots[0].colour")),
        (#"{"label": "A-01", "bus": "lockbus0", "board": 0, "channel": 1, "size": "S"}"#,
         .missing(key: "lockers.slots[0].doorHeightMm")),
        (slotsA + #", {"label": "a-01", "bus": "lockbus1", "board": 0, "channel": 3, "size": "S", "doorHeightMm": 900}"#,
         .invalid(key: "lockers.slots[2].label", reason: "repeats slot A-01")),
        (slotsA + #", {"label": "B-01", "bus": "lockbus0", "board": 0, "channel": 2, "size": "S", "doorHeightMm": 900}"#,
         .invalid(key: "lockers.slots[2].channel", reason: "puts B-01 on lockbus0 board 0 channel 2, already used by A-02")),
    ])
    func badSlot_isRefusedNamingItsKey(slots: String, expected: ConfigurationError) {
        #expect(throws: expected) { try parse(slots: slots) }
    }

    @Test func busErrors_areRefusedNamingTheirKey() {
        #expect(throws: ConfigurationError.invalid(key: "lockers.buses[0].family", reason: "must be one of kerong, wkly")) {
            try parse(slots: Self.slotsA, buses: #"{"id": "lockbus0", "family": "acme", "device": "/dev/x"}"#)
        }
        #expect(throws: ConfigurationError.invalid(key: "lockers.buses[1].id", reason: "repeats bus 'lockbus0'")) {
            try parse(slots: Self.slotsA, buses: #"{"id": "lockbus0", "family": "kerong", "device": "/dev/x"}, {"id": "lockbus0", "family": "wkly", "device": "/dev/y"}"#)
        }
        #expect(throws: ConfigurationError.missing(key: "lockers.buses[0].device")) {
            try parse(slots: Self.slotsA, buses: #"{"id": "lockbus0", "family": "kerong"}"#)
        }
    }
}
