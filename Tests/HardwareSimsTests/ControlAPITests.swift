import DeviceProtocols
import Testing
@testable import HardwareSims

@Suite struct ControlAPITests {
    typealias Support = EmulatorTestSupport

    @Test func openDoor_whileLatched_isRefusedAndChangesNothing() throws {
        // Given an idle board
        var core = try Support.kerongBus()
        // When a person pulls a latched door
        // Then the action is refused with its reason and the channel is untouched
        #expect(throws: LockControlError.doorLatched(board: 0, channel: 4)) { try core.openDoor(board: 0, channel: 4) }
        #expect(try core.state(board: 0, channel: 4) == .idle)
        #expect(core.log.isEmpty)
    }

    @Test func forceDoor_opensALatchedDoor_andIsRecordedAsForced() throws {
        // Given an idle board
        var core = try Support.kerongBus()
        // When someone forces channel 4
        try core.forceDoor(board: 0, channel: 4)
        // Then the door is open and marked forced, the log says so, and the hook reads open
        #expect(try core.state(board: 0, channel: 4) == LockChannelState(latched: false, doorOpen: true, forced: true))
        #expect(core.log.map(\.event) == [.doorForced])
        #expect(try Support.status(of: &core, at: .zero)?.hooks == 0xFFF7)
        // When it is shut again it latches and the forced mark clears
        try core.closeDoor(board: 0, channel: 4)
        #expect(try core.state(board: 0, channel: 4) == .idle)
    }

    @Test func impossibleActions_throwTypedReasons() throws {
        // Given an idle 4-channel WKLY bus with board 2
        var core = try Support.wklyBus(channels: 4, boards: [2])
        // Then every impossible action names what is wrong
        #expect(throws: LockControlError.noSuchBoard(3)) { try core.openDoor(board: 3, channel: 1) }
        #expect(throws: LockControlError.noSuchChannel(board: 2, channel: 5)) { try core.closeDoor(board: 2, channel: 5) }
        #expect(throws: LockControlError.noSuchChannel(board: 2, channel: 0)) { try core.state(board: 2, channel: 0) }
        #expect(throws: LockControlError.doorAlreadyClosed(board: 2, channel: 1)) { try core.closeDoor(board: 2, channel: 1) }
        #expect(throws: LockControlError.doorClosed(board: 2, channel: 1)) { try core.putItem(board: 2, channel: 1) }
        try core.forceDoor(board: 2, channel: 1)
        #expect(throws: LockControlError.doorAlreadyOpen(board: 2, channel: 1)) { try core.forceDoor(board: 2, channel: 1) }
        #expect(throws: LockControlError.slotEmpty(board: 2, channel: 1)) { try core.takeItem(board: 2, channel: 1) }
        try core.putItem(board: 2, channel: 1)
        #expect(throws: LockControlError.slotOccupied(board: 2, channel: 1)) { try core.putItem(board: 2, channel: 1) }
    }

    @Test func invalidConfigurations_areRefused() {
        // Then boards beyond the family's range, silly channel counts and zero pulses are refused
        #expect(throws: LockControlError.self) { try LockBoardEmulatorCore(configuration: .init(family: .kerong, boards: [16])) }
        #expect(throws: LockControlError.self) { try LockBoardEmulatorCore(configuration: .init(family: .wkly(channels: 65))) }
        #expect(throws: LockControlError.self) { try LockBoardEmulatorCore(configuration: .init(family: .wkly(channels: 8), boards: [])) }
        #expect(throws: LockControlError.self) { try LockBoardEmulatorCore(configuration: .init(family: .kerong, pulse: .zero)) }
    }

    @Test func setOnline_false_silencesTheBoard_andLosesPushes_untilBackOnline() throws {
        // Given a WKLY board taken offline
        var core = try Support.wklyBus()
        try core.setOnline(board: 0, false)
        // When the host opens channel 1 and a door is forced meanwhile
        let silent = core.receive(try WKLYMessage.openLock(address: 0, channel: 1).frame.encoded(), at: .zero)
        try core.forceDoor(board: 0, channel: 2)
        // Then nothing goes out and the unlock was never performed
        #expect(silent.isEmpty && core.takeDueTransmissions().isEmpty)
        #expect(try core.state(board: 0, channel: 1) == .idle)
        // When it comes back, it answers again without replaying the lost change
        try core.setOnline(board: 0, true)
        let replies = core.receive(try WKLYMessage.queryDoor(address: 0, channel: 2).frame.encoded(), at: .seconds(1))
        #expect(Support.wklyMessages(replies) == [.queryDoorReply(address: 0, ok: true, channel: 2, door: .open)])
    }

    @Test func powerCycle_losesPulsesAndQueuedReplies_butDoorsStayAsTheyAre() throws {
        // Given channel 1 released with its door open, channel 2 released and closed,
        // and a slow status reply still queued
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.slowReply(delay: .seconds(1)), scope: FaultScope(board: 0))))
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 0).encoded() + KerongFrame.unlock(board: 0, lock: 1).encoded(), at: .zero)
        try core.openDoor(board: 0, channel: 1)
        _ = core.receive(try KerongFrame.readStatus(board: 0).encoded(), at: .milliseconds(10))
        // When the board loses power at 100 ms
        _ = core.advance(to: .milliseconds(100))
        try core.powerCycle(board: 0)
        // Then channel 2 is latched again, channel 1 stays open and unlatched, and nothing is pending
        #expect(try core.state(board: 0, channel: 2) == .idle)
        #expect(try core.state(board: 0, channel: 1) == LockChannelState(latched: false, doorOpen: true))
        #expect(core.nextWakeUp == nil)
        #expect(core.advance(to: .seconds(5)).isEmpty)
        // and closing channel 1 latches it
        try core.closeDoor(board: 0, channel: 1)
        #expect(try core.state(board: 0, channel: 1) == .idle)
    }

    @Test func clearFaults_restoresNormalBehaviour() throws {
        // Given a stuck lock on channel 1
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.stuckLock, scope: FaultScope(board: 0, channel: 1))))
        // When the faults are cleared and the host unlocks it
        core.clearFaults()
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 0).encoded(), at: .zero)
        // Then it releases
        #expect(try core.state(board: 0, channel: 1).latched == false)
    }
}
