import HardwareSims
import KioskHAL
import Testing
@testable import KioskDrivers

@Suite struct LockerBankGroupTests {
    /// A Kerong bus `k` (board 0, slots K-1…K-2, K-3 disabled) and a WKLY bus `w` (board 2, slots W-1…W-2).
    /// The family's timing with the suites' generous command timeout (see `DriverRig.commandTimeout`).
    static func timing(_ family: LockerSlotAddress.Family) -> LockBusTiming {
        var timing = LockBusTiming.defaults(for: family)
        timing.commandTimeout = DriverRig.commandTimeout
        return timing
    }

    static func map() throws -> LockerSlotMap {
        try LockerSlotMap(buses: ["k": .kerong, "w": .wkly], entries: [
            .init(label: "K-1", address: LockerSlotAddress(bus: "k", family: .kerong, board: 0, channel: 1)),
            .init(label: "K-2", address: LockerSlotAddress(bus: "k", family: .kerong, board: 0, channel: 2)),
            .init(label: "K-3", address: LockerSlotAddress(bus: "k", family: .kerong, board: 0, channel: 3), enabled: false),
            .init(label: "W-1", address: LockerSlotAddress(bus: "w", family: .wkly, board: 2, channel: 1)),
            .init(label: "W-2", address: LockerSlotAddress(bus: "w", family: .wkly, board: 2, channel: 2)),
        ])
    }

    @Test func group_routesOpensByBus_andMergesEvents() async throws {
        // Given one emulator per bus and a group of two drivers
        let map = try Self.map()
        let kerong = LockBoardEmulator(core: try LockBoardEmulatorCore(
            configuration: LockBusConfiguration(family: .kerong, boards: [0], pulse: .seconds(2))))
        let wkly = LockBoardEmulator(core: try LockBoardEmulatorCore(
            configuration: LockBusConfiguration(family: .wkly(channels: 2), boards: [2])))
        let kExchange = PipeExchange()
        let wExchange = PipeExchange()
        let clock = ContinuousClock()
        let group = LockerBankGroup(drivers: [
            try LockBusDriver(bus: "k", map: map, timing: Self.timing(.kerong), clock: clock) { try await kExchange.open() },
            try LockBusDriver(bus: "w", map: map, timing: Self.timing(.wkly), clock: clock) { try await wExchange.open() },
        ], map: map)
        let recorder = EventRecorder()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await group.run() }
            tasks.addTask { for await device in kExchange.devices { try await kerong.serve(on: device) } }
            tasks.addTask { for await device in wExchange.devices { try await wkly.serve(on: device) } }
            tasks.addTask { for await event in group.events { await recorder.append(event) } }
            let waiter = HangGuard()
            #expect(await waiter.eventually {
                let snapshot = await group.snapshot()
                return snapshot.count == 4 && snapshot.values.allSatisfy { $0.device == .online }
            })
            // When one slot on each bus is opened, and a disabled and an unknown label are tried
            let kOutcome = try await group.open(slot: "K-2", purpose: .load, bound: .seconds(20))
            let wOutcome = try await group.open(slot: "W-1", purpose: .load, bound: .seconds(20))
            let disabled = try await group.open(slot: "K-3", purpose: .load, bound: .seconds(1))
            let unknown = try await group.open(slot: "X-1", purpose: .load, bound: .seconds(1))
            // Then each bus confirmed its own slot and the events of both arrive on the one stream
            #expect([kOutcome, wOutcome, disabled, unknown] == [.confirmed, .confirmed, .unknownSlot, .unknownSlot])
            #expect(await waiter.eventually {
                let events = await recorder.events
                return events.contains(.doorOpened(slot: "K-2")) && events.contains(.doorOpened(slot: "W-1"))
            })
            #expect(await kerong.log.contains { $0.event == .request(command: 0x31) && $0.channel == 2 })
            #expect(await wkly.log.contains { $0.event == .request(command: 0x82) && $0.channel == 1 })
            #expect(group.capabilities == LockerCapabilities(hasItemSensors: false, pushesEvents: false))
            tasks.cancelAll()
        }
    }
}
