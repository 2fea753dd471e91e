import HardwareSims
import KioskHAL
import Testing
@testable import KioskDrivers

@Suite struct LockBusDriverTests {
    static let families: [LockerSlotAddress.Family] = [.kerong, .wkly]

    @Test(arguments: families) func open_confirms_andDoorMovesAreReported(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given a driver that has read every board
            #expect(await rig.allOnline())
            // When slot A0-1 is opened
            let outcome = try await rig.driver.open(slot: "A0-1", purpose: .pickup, bound: .seconds(20))
            // Then it is confirmed with one pulse and a door-opened event
            #expect(outcome == .confirmed)
            #expect(await rig.unlockRequests() == 1)
            #expect(await rig.saw(.doorOpened(slot: "A0-1")))
            // When the citizen pulls the door (WKLY doors spring ajar by themselves) and closes it again
            if family == .kerong { try await rig.emulator.openDoor(board: 0, channel: 1) }
            try await rig.emulator.closeDoor(board: 0, channel: 1)
            // Then the close is reported and nothing was forced
            #expect(await rig.saw(.doorClosed(slot: "A0-1")))
            #expect(!(await rig.recorder.events.contains(.doorOpenedWithoutCommand(slot: "A0-1"))))
        }
    }

    @Test(arguments: families) func open_withAStuckLock_isNotConfirmed_andPulsedOnce(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given a stuck lock on board 1 channel 2
            #expect(await rig.allOnline())
            await rig.emulator.install(FaultPlan(faults: [ScheduledFault(.stuckLock, scope: FaultScope(board: 1, channel: 2))]))
            // When it is opened with a short bound
            let outcome = try await rig.driver.open(slot: "A1-2", purpose: .pickup, bound: .milliseconds(600))
            // Then it is not confirmed, and exactly one unlock frame reached the board
            #expect(outcome == .notConfirmed)
            #expect(await rig.unlockRequests() == 1)
            #expect(await rig.driver.status(of: "A1-2")?.door == .closed)
        }
    }

    @Test(arguments: families) func boardOffline_marksOnlyItsSlots_andReturns(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given both boards online
            #expect(await rig.allOnline())
            // When board 1 stops answering
            try await rig.emulator.setOnline(board: 1, false)
            // Then exactly its slots go offline, and opening one answers boardOffline
            #expect(await rig.saw(.boardOffline(board: "bus/1", slots: rig.labels(ofBoard: 1))))
            let snapshot = await rig.driver.snapshot()
            #expect(rig.labels(ofBoard: 1).allSatisfy { snapshot[$0]?.device == .offline })
            #expect(rig.labels(ofBoard: 0).allSatisfy { snapshot[$0]?.device == .online })
            #expect(try await rig.driver.open(slot: "A1-1", purpose: .pickup, bound: .seconds(1)) == .boardOffline)
            #expect(await rig.unlockRequests() == 0)
            // When it answers again
            try await rig.emulator.setOnline(board: 1, true)
            // Then it is announced online and its slots read online
            #expect(await rig.saw(.boardOnline(board: "bus/1", slots: rig.labels(ofBoard: 1))))
            #expect(await rig.allOnline())
        }
    }

    @Test(arguments: families) func unknownSlot_isAnsweredWithoutTouchingTheBus(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Given a driver that has read every board
            #expect(await rig.allOnline())
            // When a label that is not configured is opened
            let outcome = try await rig.driver.open(slot: "Z-9", purpose: .diagnostics, bound: .seconds(1))
            // Then the answer is unknownSlot and no frame went out
            #expect(outcome == .unknownSlot)
            #expect(await rig.driver.status(of: "Z-9") == nil)
            #expect(await rig.unlockRequests() == 0)
        }
    }

    @Test(arguments: families) func capabilities_matchTheFamily(family: LockerSlotAddress.Family) async throws {
        try await DriverRig.with(family) { rig in
            // Then capabilities and the occupancy reading follow the family
            #expect(rig.driver.capabilities.hasItemSensors == (family == .kerong))
            #expect(rig.driver.capabilities.pushesEvents == (family == .wkly))
            #expect(await rig.allOnline())
            let occupancy = await rig.driver.status(of: "A0-1")?.occupancy
            #expect(occupancy == (family == .kerong ? .absent : .notSensed))
        }
    }

    /// Without cancellation handling the call would wait out its one-hour bound and the time limit fails the test.
    @Test(.timeLimit(.minutes(1)), arguments: families) func open_whenTheCallerIsCancelled_throwsCancellation_withoutWaitingForTheBound(
        family: LockerSlotAddress.Family
    ) async throws {
        try await DriverRig.with(family) { rig in
            // Given a stuck lock opened with a long bound
            #expect(await rig.allOnline())
            await rig.emulator.install(FaultPlan(faults: [ScheduledFault(.stuckLock, scope: FaultScope(board: 0, channel: 1))]))
            let opening = Task { try await rig.driver.open(slot: "A0-1", purpose: .pickup, bound: .seconds(3600)) }
            // When the caller is cancelled once the pulse went out
            #expect(await rig.eventually { await rig.unlockRequests() == 1 })
            opening.cancel()
            // Then the call throws CancellationError (long before the bound) and no second pulse follows
            await #expect(throws: CancellationError.self) { try await opening.value }
            #expect(await rig.unlockRequests() == 1)
        }
    }

    @Test func wklyOpen_withoutSpringDoors_isConfirmedWhenTheCitizenPullsTheDoor() async throws {
        try await DriverRig.with(.wkly, springDoors: false) { rig in
            // Given WKLY doors that stay shut when their latch releases
            #expect(await rig.allOnline())
            try await withThrowingTaskGroup(of: LockerOpenOutcome.self) { group in
                group.addTask { try await rig.driver.open(slot: "A1-3", purpose: .pickup, bound: .seconds(20)) }
                // When the pulse has gone out (the 82 reply reports the door closed) and the citizen pulls the door
                #expect(await rig.eventually { await rig.unlockRequests() == 1 })
                #expect(await rig.eventually { (try? await rig.emulator.openDoor(board: 1, channel: 3)) != nil })
                // Then the door queries (or the pushed change) confirm the open, with one pulse only
                let outcome = try await group.next()
                #expect(outcome == .confirmed)
            }
            #expect(await rig.unlockRequests() == 1)
            #expect(await rig.saw(.doorOpened(slot: "A1-3")))
            let queries = await rig.emulator.log.filter { $0.event == .request(command: 0x83) }.count
            let pushes = await rig.emulator.log.contains { $0.event == .doorChangePushed(open: true) }
            #expect(queries > 0 || pushes)
        }
    }
}
