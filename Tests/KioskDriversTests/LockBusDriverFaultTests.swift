import HardwareSims
import KioskHAL
import Testing
@testable import KioskDrivers

@Suite struct LockBusDriverFaultTests {
    static let families: [LockerSlotAddress.Family] = [.kerong, .wkly]

    @Test(arguments: families) func corruptedAndStrayBytes_areSurvived(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given board 0 whose next replies are corrupted and every reply is preceded by noise
            #expect(await rig.allOnline())
            await rig.emulator.install(FaultPlan(faults: [
                ScheduledFault(.strayBytes([0x02, 0x57, 0x4B, 0xAA, 0x03]), scope: FaultScope(board: 0)),
                ScheduledFault(.corruptChecksum, scope: FaultScope(board: 0), activation: .forNextCommands(2)),
            ]))
            // When a door on board 0 is forced
            try await rig.emulator.forceDoor(board: 0, channel: 3)
            // Then it is still reported, and an open on board 0 still confirms
            #expect(await rig.saw(.doorOpenedWithoutCommand(slot: "A0-3")))
            let outcome = try await rig.driver.open(slot: "A0-2", purpose: .load, bound: .seconds(2))
            #expect(outcome == .confirmed)
            #expect(await rig.unlockRequests() == 1)
            #expect(await rig.driver.status(of: "A0-1")?.device == .online)
        }
    }

    @Test(arguments: families) func powerCycle_isFollowedByAReRead(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given slot A1-1 opened (latch released for the 2 s pulse)
            #expect(await rig.allOnline())
            #expect(try await rig.driver.open(slot: "A1-1", purpose: .load, bound: .seconds(2)) == .confirmed)
            if family == .wkly {
                // WKLY doors spring ajar: close it inside the pulse so only the power cycle can re-latch it
                try await rig.emulator.closeDoor(board: 1, channel: 1)
                #expect(await rig.saw(.doorClosed(slot: "A1-1")))
            }
            // When board 1 loses power for a moment (pulse lost, closed doors re-latch)
            try await rig.emulator.powerCycle(board: 1)
            // Then the driver's reading agrees with the board again
            #expect(await rig.eventually {
                let status = await rig.driver.status(of: "A1-1")
                return status?.lock == .locked && status?.door == .closed
            })
            if family == .kerong { #expect(await rig.saw(.doorClosed(slot: "A1-1"))) }
            // And the board still opens on request
            #expect(try await rig.driver.open(slot: "A1-2", purpose: .load, bound: .seconds(2)) == .confirmed)
        }
    }

    @Test(arguments: families) func lostPipe_isReopened_andEveryBoardReRead(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given both boards online over the first pipe
            #expect(await rig.allOnline())
            // When the pipe is pulled and the port stays away for the next two opens
            await rig.exchange.refuse(next: 2)
            await rig.exchange.cut()
            // Then every board goes offline
            #expect(await rig.saw(.boardOffline(board: "bus/0", slots: rig.labels(ofBoard: 0))))
            #expect(await rig.saw(.boardOffline(board: "bus/1", slots: rig.labels(ofBoard: 1))))
            // And after the refused attempts a new pipe is opened, every board comes back, and opens work again
            #expect(await rig.saw(.boardOnline(board: "bus/0", slots: rig.labels(ofBoard: 0))))
            #expect(await rig.saw(.boardOnline(board: "bus/1", slots: rig.labels(ofBoard: 1))))
            #expect(await rig.exchange.opens == 2)
            #expect(await rig.exchange.refusals == 2)
            let outcome = try await rig.driver.open(slot: "A0-4", purpose: .pickup, bound: .seconds(2))
            #expect(outcome == .confirmed)
        }
    }

    @Test(arguments: families) func itemsAndUncommandedDoors_areReportedFromTheHardware(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given a forced door on board 1
            #expect(await rig.allOnline())
            try await rig.emulator.forceDoor(board: 1, channel: 4)
            #expect(await rig.saw(.doorOpenedWithoutCommand(slot: "A1-4")))
            // When an item goes in through it and the door closes
            try await rig.emulator.putItem(board: 1, channel: 4)
            try await rig.emulator.closeDoor(board: 1, channel: 4)
            // Then Kerong reports the item; both report the close
            if family == .kerong { #expect(await rig.saw(.itemInserted(slot: "A1-4"))) }
            #expect(await rig.saw(.doorClosed(slot: "A1-4")))
        }
    }
}
