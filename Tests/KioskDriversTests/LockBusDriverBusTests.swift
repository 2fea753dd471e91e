import HardwareSims
import KioskHAL
import Testing
@testable import KioskDrivers

@Suite struct LockBusDriverBusTests {
    static let families: [LockerSlotAddress.Family] = [.kerong, .wkly]

    /// WKLY `garbled` is left out on purpose: an idle impostor reads `01` (closed) where the real
    /// board reads `00`, so the bitwise AND of the two replies is bit for bit the real reply.
    @Test(arguments: [
        (LockerSlotAddress.Family.kerong, CollisionMode.twoFrames), (.kerong, .garbled), (.wkly, .twoFrames),
    ])
    func twoBoardsOnOneAddress_areReported(family: LockerSlotAddress.Family, mode: CollisionMode) async throws {
        try await DriverRig.with(family) { rig in
            // Given board 1 with a forced door, so it no longer reads like an idle board
            #expect(await rig.allOnline())
            try await rig.emulator.forceDoor(board: 1, channel: 2)
            #expect(await rig.saw(.doorOpenedWithoutCommand(slot: "A1-2")))
            // When an idle impostor starts answering address 1 as well
            await rig.emulator.install(FaultPlan(faults: [ScheduledFault(.addressCollision(mode), scope: FaultScope(board: 1))]))
            // Then the disagreement names address 1, and board 0 stays online
            #expect(await rig.saw(.sensorDisagreement(slot: nil, detail: "two boards answer address 1")))
            #expect(await rig.driver.status(of: "A0-1")?.device == .online)
        }
    }

    @Test(arguments: families) func duplicatedReplies_areNotMistakenForASecondBoard(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given every reply of board 0 sent twice
            #expect(await rig.allOnline())
            await rig.emulator.install(FaultPlan(faults: [ScheduledFault(.duplicateReply, scope: FaultScope(board: 0))]))
            // When a slot on it is opened
            let outcome = try await rig.driver.open(slot: "A0-3", purpose: .collect, bound: .seconds(2))
            // Then it confirms with one pulse and no collision is claimed
            #expect(outcome == .confirmed)
            #expect(await rig.unlockRequests() == 1)
            let claimed = await rig.recorder.events.contains { if case .sensorDisagreement = $0 { true } else { false } }
            #expect(!claimed)
        }
    }

    @Test(arguments: families) func twoOpensAtOnce_arePulsedApart(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given both boards online
            #expect(await rig.allOnline())
            // When two slots on different boards are opened at the same moment
            async let first = rig.driver.open(slot: "A0-1", purpose: .pickup, bound: .seconds(3))
            async let second = rig.driver.open(slot: "A1-1", purpose: .pickup, bound: .seconds(3))
            let outcomes = try await [first, second]
            // Then both confirm, and the board saw the two pulses about the spacing (300 ms) apart or
            // more; 20 ms are allowed for the emulator's read wake-up jitter on each side
            #expect(outcomes == [.confirmed, .confirmed])
            let command: UInt8 = family == .kerong ? 0x31 : 0x82
            let times = await rig.emulator.log.filter { $0.event == .request(command: command) }.map(\.at)
            #expect(times.count == 2)
            if times.count == 2 { #expect(times[1] - times[0] >= .milliseconds(280)) }
        }
    }

    @Test(arguments: families) func slowReplies_beyondTheTimeout_areStale_andTheUnlockIsNotRepeated(
        family: LockerSlotAddress.Family
    ) async throws {
        try await DriverRig.with(family) { rig in
            // Given board 0 answering its next two commands later than the command timeout
            #expect(await rig.allOnline())
            await rig.emulator.install(FaultPlan(faults: [
                ScheduledFault(.slowReply(delay: .milliseconds(250)), scope: FaultScope(board: 0), activation: .forNextCommands(2))
            ]))
            // When a slot on it is opened
            let outcome = try await rig.driver.open(slot: "A0-2", purpose: .pickup, bound: .seconds(2))
            // Then the driver reads status after the timeouts, confirms, and never pulses twice
            #expect(outcome == .confirmed)
            #expect(await rig.unlockRequests() == 1)
        }
    }
}
