import HardwareSims
import KioskDrivers
import KioskHAL
import Testing

/// What every `LockerBank` must do, run against the production driver of each board family in
/// front of its emulator, over an in-memory stream and over a real PTY.
@Suite struct LockerBankConformanceTests {
    @Test(arguments: ConformanceCase.all)
    func open_isConfirmed_andDoorOpenAndCloseAreReported(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            // When slot A0-2 is opened
            #expect(try await rig.bank.open(slot: "A0-2", purpose: .pickup, bound: .seconds(20)) == .confirmed)
            // And a person opens the door (WKLY doors spring ajar by themselves) and closes it
            if testCase.family == .kerong { try await rig.emulator.openDoor(board: 0, channel: 2) }
            #expect(await rig.saw(.doorOpened(slot: "A0-2")))
            try await rig.emulator.closeDoor(board: 0, channel: 2)
            // Then both are reported, and exactly one pulse was sent
            #expect(await rig.saw(.doorClosed(slot: "A0-2")))
            #expect(await rig.unlockRequests() == 1)
        }
    }

    @Test(arguments: ConformanceCase.all)
    func items_areSensedWhereTheHardwareCan(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            #expect(try await rig.bank.open(slot: "A1-3", purpose: .load, bound: .seconds(20)) == .confirmed)
            if testCase.family == .kerong { try await rig.emulator.openDoor(board: 1, channel: 3) }
            try await rig.emulator.putItem(board: 1, channel: 3)
            try await rig.emulator.closeDoor(board: 1, channel: 3)
            if rig.bank.capabilities.hasItemSensors {
                #expect(await rig.saw(.itemInserted(slot: "A1-3")))
                #expect(await rig.eventually { await rig.bank.status(of: "A1-3")?.occupancy == .present })
            } else {
                #expect(await rig.saw(.doorClosed(slot: "A1-3")))
                #expect(await rig.bank.status(of: "A1-3")?.occupancy == .notSensed)
            }
        }
    }

    @Test(arguments: ConformanceCase.all)
    func snapshot_listsEverySlot_lockedClosedAndOnline(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            let snapshot = await rig.bank.snapshot()
            #expect(snapshot.keys.sorted() == LockerBankRig.boards.flatMap { board in
                (1...LockerBankRig.channels).map { LockerBankRig.label(board, $0) }
            }.sorted())
            #expect(snapshot.values.allSatisfy { $0.lock == .locked && $0.door == .closed })
            #expect(try await rig.bank.open(slot: "Z-99", purpose: .diagnostics, bound: .seconds(1)) == .unknownSlot)
            #expect(await rig.bank.status(of: "Z-99") == nil)
        }
    }

    @Test(arguments: ConformanceCase.all)
    func stuckLatch_isNotConfirmed_andTheUnlockIsNeverRetried(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            await rig.emulator.install(FaultPlan(faults: [ScheduledFault(.stuckLock, scope: FaultScope(board: 0, channel: 1))]))
            #expect(try await rig.bank.open(slot: "A0-1", purpose: .pickup, bound: .seconds(2)) == .notConfirmed)
            #expect(await rig.unlockRequests() == 1)
        }
    }

    @Test(arguments: ConformanceCase.all)
    func boardOffline_takesOnlyItsSlotsOffline_andTheyReturnWithIt(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            let board1 = (1...LockerBankRig.channels).map { LockerBankRig.label(1, $0) }
            try await rig.emulator.setOnline(board: 1, false)
            #expect(await rig.eventually { await rig.log.events.contains { if case .boardOffline(_, let slots) = $0 { slots.sorted() == board1 } else { false } } })
            let snapshot = await rig.bank.snapshot()
            #expect(board1.allSatisfy { snapshot[$0]?.device == .offline })
            #expect(snapshot.filter { !board1.contains($0.key) }.values.allSatisfy { $0.device == .online })
            #expect(try await rig.bank.open(slot: "A1-1", purpose: .pickup, bound: .seconds(5)) == .boardOffline)
            try await rig.emulator.setOnline(board: 1, true)
            #expect(await rig.eventually { await rig.log.events.contains { if case .boardOnline(_, let slots) = $0 { slots.sorted() == board1 } else { false } } })
            #expect(await rig.all(.online))
        }
    }

    @Test(arguments: ConformanceCase.all)
    func forcedDoor_isReportedAsOpenedWithoutCommand(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            try await rig.emulator.forceDoor(board: 1, channel: 4)
            #expect(await rig.saw(.doorOpenedWithoutCommand(slot: "A1-4")))
        }
    }

    @Test(arguments: ConformanceCase.all)
    func corruptedAndStrayBytes_areRecoveredFrom(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            await rig.emulator.install(FaultPlan(faults: [
                ScheduledFault(.strayBytes([0x02, 0x57, 0x4B, 0xAA, 0x03, 0x59]), scope: FaultScope(board: 0)),
                ScheduledFault(.corruptChecksum, scope: FaultScope(board: 0), activation: .forNextCommands(2)),
            ]))
            try await rig.emulator.forceDoor(board: 0, channel: 3)
            #expect(await rig.saw(.doorOpenedWithoutCommand(slot: "A0-3")))
            #expect(try await rig.bank.open(slot: "A0-2", purpose: .load, bound: .seconds(20)) == .confirmed)
            #expect(await rig.all(.online))
        }
    }

    @Test(arguments: ConformanceCase.all)
    func twoBoardsOnOneAddress_areReported(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            // Two idle boards send identical bytes, which no receiver can tell apart; make board 1
            // differ from the idle impostor first. Both then answer each request in turn. (When
            // they talk over each other instead, the AND of two WKLY replies that differ in one
            // bit can itself be a valid frame, so only the answering-in-turn form is certain.)
            try await rig.emulator.forceDoor(board: 1, channel: 2)
            #expect(await rig.saw(.doorOpenedWithoutCommand(slot: "A1-2")))
            await rig.emulator.install(FaultPlan(faults: [ScheduledFault(.addressCollision(.twoFrames), scope: FaultScope(board: 1))]))
            #expect(await rig.saw(.sensorDisagreement(slot: nil, detail: "two boards answer address 1")))
        }
    }

    @Test(arguments: ConformanceCase.all)
    func powerCycle_isFollowedByAReRead(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            #expect(try await rig.bank.open(slot: "A1-1", purpose: .load, bound: .seconds(20)) == .confirmed)
            #expect(await rig.eventually { await rig.bank.status(of: "A1-1")?.lock == .unlocked })
            if testCase.family == .wkly {
                try await rig.emulator.closeDoor(board: 1, channel: 1)
                #expect(await rig.saw(.doorClosed(slot: "A1-1")))
            }
            try await rig.emulator.powerCycle(board: 1)
            #expect(await rig.eventually {
                let status = await rig.bank.status(of: "A1-1")
                return status?.lock == .locked && status?.door == .closed && status?.device == .online
            })
        }
    }

    @Test(arguments: ConformanceCase.all)
    func portRemovedAndRecreated_theBankReconnects(_ testCase: ConformanceCase) async throws {
        try await LockerBankRig.with(testCase) { rig throws in
            #expect(await rig.all(.online))
            await rig.port.unplug()
            #expect(await rig.all(.offline))
            await #expect(throws: HALError.self) {
                _ = try await rig.bank.open(slot: "A0-1", purpose: .pickup, bound: .seconds(1))
            }
            await rig.port.replug()
            #expect(await rig.all(.online))
            #expect(try await rig.bank.open(slot: "A0-1", purpose: .pickup, bound: .seconds(20)) == .confirmed)
        }
    }
}
