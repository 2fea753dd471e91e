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
            // Then both confirm, the board saw two unlock commands, and the driver began writing the
            // second at least the pulse spacing (300 ms) after the first (measured where the driver
            // writes, so a late wake-up of the emulator cannot distort it)
            #expect(outcomes == [.confirmed, .confirmed])
            let command: UInt8 = family == .kerong ? 0x31 : 0x82
            #expect(await rig.unlockRequests() == 2)
            // (the command byte sits at offset 2 of a Kerong frame, 6 of a WKLY frame)
            let commandOffset = family == .kerong ? 2 : 6
            let unlocks = await rig.exchange.writes().filter { write in
                write.bytes.count > commandOffset && write.bytes[commandOffset] == command
            }
            #expect(unlocks.count == 2)
            if unlocks.count == 2 { #expect(unlocks[1].at - unlocks[0].at >= .milliseconds(300)) }
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
