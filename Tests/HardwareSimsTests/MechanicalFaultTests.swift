import DeviceProtocols
import Testing
@testable import HardwareSims

@Suite struct MechanicalFaultTests {
    typealias Support = EmulatorTestSupport

    @Test func stuckLock_neverReleases_whileOtherLocksDo() throws {
        // Given channel 7 of board 0 stuck
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.stuckLock, scope: FaultScope(board: 0, channel: 7))))
        // When the host unlocks channels 7 and 8
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 6).encoded() + KerongFrame.unlock(board: 0, lock: 7).encoded(), at: .zero)
        // Then only channel 8's hook clears; channel 7 stays latched and cannot be opened
        #expect(try Support.status(of: &core, at: .milliseconds(10))?.hooks == 0xFF7F)
        #expect(try core.state(board: 0, channel: 7).latched)
        #expect(throws: LockControlError.doorLatched(board: 0, channel: 7)) { try core.openDoor(board: 0, channel: 7) }
        #expect(core.log.contains { $0.channel == 7 && $0.event == .unlockBlockedByStuckLock })
    }

    @Test func doorSensorStuckOpen_makesALatchedDoorReadOpen() throws {
        // Given channel 3's door input stuck open on a Kerong board
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.doorSensorStuck(open: true), scope: FaultScope(board: 0, channel: 3))))
        // When the host reads the status
        let status = try Support.status(of: &core, at: .zero)
        // Then hook 3 reads open although the channel is physically latched and closed
        #expect(status?.hooks == 0xFFFB)
        #expect(try core.state(board: 0, channel: 3) == .idle)
    }

    @Test func doorSensorStuckClosed_hidesAnOpenDoor_andPushesNothing() throws {
        // Given channel 1's door input stuck closed on a WKLY board
        var core = try Support.wklyBus(faults: Support.plan(ScheduledFault(.doorSensorStuck(open: false), scope: FaultScope(board: 0, channel: 1))))
        // When channel 1 is opened and its door springs open, then the person closes it
        let reply = core.receive(try WKLYMessage.openLock(address: 0, channel: 1).frame.encoded(), at: .zero)
        try core.closeDoor(board: 0, channel: 1)
        // Then the reply says closed and no door change is ever pushed
        #expect(Support.wklyMessages(reply) == [.openLockReply(address: 0, ok: true, channel: 1, door: .closed)])
        #expect(core.advance(to: .seconds(1)).isEmpty)
        #expect(!core.log.contains { if case .doorChangePushed = $0.event { true } else { false } })
    }

    @Test func itemSensorStuck_readsPresentOrAbsentRegardlessOfTheSlot() throws {
        // Given channel 5 reading present while empty and channel 6 absent while loaded
        var core = try Support.kerongBus(faults: Support.plan(
            ScheduledFault(.itemSensorStuck(present: true), scope: FaultScope(board: 0, channel: 5)),
            ScheduledFault(.itemSensorStuck(present: false), scope: FaultScope(board: 0, channel: 6))))
        try Support.load(&core, channel: 6, at: .zero)
        // When the host reads the status
        let status = try Support.status(of: &core, at: .seconds(1))
        // Then only the stuck-present bit is set
        #expect(status?.sensors == 0x0010)
        #expect(try core.state(board: 0, channel: 6).itemPresent)
    }

    @Test func powerCycleAtATime_dropsThePulse_andRelatchesClosedDoors() throws {
        // Given a power cut scheduled at 100 ms and channel 2 released at 0
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.powerCycle, scope: FaultScope(board: 0), activation: .at(.milliseconds(100)))))
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 1).encoded(), at: .zero)
        // When time passes the power cut
        _ = core.advance(to: .milliseconds(100))
        // Then the latch is back and no pulse remains
        #expect(try core.state(board: 0, channel: 2) == .idle)
        #expect(core.nextWakeUp == nil)
        #expect(core.log.contains { $0.at == .milliseconds(100) && $0.event == .powerCycled })
    }

    @Test func forcedDoorAtATime_opensTheLatchedDoor_recordsIt_andPushesTheChange() throws {
        // Given a WKLY board where someone forces channel 3 at 2 s
        var core = try Support.wklyBus(faults: Support.plan(ScheduledFault(.forcedDoor, scope: FaultScope(board: 0, channel: 3), activation: .at(.seconds(2)))))
        // When time reaches 2 s
        #expect(core.advance(to: .milliseconds(1999)).isEmpty)
        let pushed = core.advance(to: .seconds(2))
        // Then the door is open, marked forced, logged and pushed
        #expect(try core.state(board: 0, channel: 3) == LockChannelState(latched: false, doorOpen: true, forced: true))
        #expect(core.log.contains { $0.channel == 3 && $0.event == .doorForced })
        #expect(Support.wklyMessages(pushed) == [.doorChanged(address: 0, channel: 3, door: .open)])
    }

    @Test func doorLeftOpen_opensAtTheNextRelease_andStaysUnlatched() throws {
        // Given channel 2 scripted to be left open
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.doorLeftOpen, scope: FaultScope(board: 0, channel: 2))))
        #expect(try core.state(board: 0, channel: 2) == .idle)
        // When the host unlocks it and the pulse ends long ago
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 1).encoded(), at: .zero)
        let status = try Support.status(of: &core, at: .seconds(60))
        // Then the door is open, the latch not engaged, and the hook reads open
        #expect(try core.state(board: 0, channel: 2) == LockChannelState(latched: false, doorOpen: true))
        #expect(status?.hooks == 0xFFFD)
    }

    @Test func eventBoundToTheSecondCommand_firesJustBeforeIt() throws {
        // Given a power cut just before board 0's second command
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.powerCycle, scope: FaultScope(board: 0), activation: .forNextCommands(2))))
        // When the host unlocks channel 1 and then reads the status
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 0).encoded(), at: .zero)
        let status = try Support.status(of: &core, at: .milliseconds(10))
        // Then the restart before the read has already re-latched channel 1
        #expect(status?.hooks == 0xFFFF)
        #expect(core.log.filter { $0.event == .powerCycled }.count == 1)
    }
}
