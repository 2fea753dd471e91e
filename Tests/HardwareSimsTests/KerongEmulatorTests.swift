import DeviceProtocols
import Testing
@testable import HardwareSims

@Suite struct KerongEmulatorTests {
    typealias Support = EmulatorTestSupport

    @Test func status_ofAnIdleBoard_isTheVendorVector() throws {
        // Given an idle Kerong board 0
        var core = try Support.kerongBus()
        // When the host reads its status
        let replies = core.receive(try KerongFrame.readStatus(board: 0).encoded(), at: .zero)
        // Then exactly the vendor's "all closed, no items" frame goes out, at once
        #expect(replies == [LockBusTransmission(bytes: Support.idleStatusBoard0, sendAt: .zero, board: 0)])
    }

    @Test func unlock_sendsNoReply_andClearsTheHookUntilThePulseEnds() throws {
        // Given an idle board
        var core = try Support.kerongBus()
        // When lock 7 (wire lock 6) is unlocked
        let replies = core.receive(try KerongFrame.unlock(board: 0, lock: 6).encoded(), at: .zero)
        // Then the board stays silent, the hook bit of lock 7 reads open during the pulse
        #expect(replies.isEmpty)
        #expect(try Support.status(of: &core, at: .milliseconds(499))?.hooks == 0xFFBF)
        #expect(try core.state(board: 0, channel: 7).latched == false)
        // and the latch re-engages when the 500 ms pulse ends with the door still closed
        #expect(try Support.status(of: &core, at: .milliseconds(500))?.hooks == 0xFFFF)
        #expect(try core.state(board: 0, channel: 7) == .idle)
        #expect(core.nextWakeUp == nil)
    }

    @Test func doorOpenedDuringPulse_staysUnlatchedUntilClosed_thenRelatches() throws {
        // Given lock 7 released at 0 and its door opened at 100 ms
        var core = try Support.kerongBus()
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 6).encoded(), at: .zero)
        _ = core.advance(to: .milliseconds(100))
        try core.openDoor(board: 0, channel: 7)
        // When the pulse ends
        _ = core.advance(to: .seconds(2))
        // Then the door is still unlatched and the hook reads open
        #expect(try core.state(board: 0, channel: 7) == LockChannelState(latched: false, doorOpen: true))
        #expect(try Support.status(of: &core, at: .seconds(2))?.hooks == 0xFFBF)
        // When the door closes
        try core.closeDoor(board: 0, channel: 7)
        // Then it latches at once and the hook reads closed
        #expect(try core.state(board: 0, channel: 7) == .idle)
        #expect(try Support.status(of: &core, at: .seconds(2))?.hooks == 0xFFFF)
        #expect(core.log.last { $0.channel == 7 }?.event == .relatched)
    }

    @Test func itemPutAndTaken_showInTheInfraredBits() throws {
        // Given an item loaded into channel 3 and the pulse over
        var core = try Support.kerongBus()
        try Support.load(&core, channel: 3, at: .zero)
        // Then the status shows it present and the door latched
        let loaded = try Support.status(of: &core, at: .seconds(1))
        #expect(loaded?.sensors == 0x0004)
        #expect(loaded?.hooks == 0xFFFF)
        // When a citizen takes it
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 2).encoded(), at: .seconds(2))
        try core.openDoor(board: 0, channel: 3)
        try core.takeItem(board: 0, channel: 3)
        // Then the sensor bit clears while the door is still open
        let taken = try Support.status(of: &core, at: .seconds(3))
        #expect(taken?.sensors == 0x0000)
        #expect(taken?.hooks == 0xFFFB)
    }

    @Test func readAllBoards_withThreeBoards_answersThreeStatusFramesInAddressOrder() throws {
        // Given boards 2, 0 and 1, with an item in board 1 channel 16
        var core = try Support.kerongBus(boards: [2, 0, 1])
        try Support.load(&core, board: 1, channel: 16, at: .zero)
        // When the host sends 32 F0
        let replies = core.receive(try KerongFrame.readAllBoards.encoded(), at: .seconds(1))
        // Then each board answers in turn
        #expect(Support.kerongFrames(replies) == [
            .status(board: 0, hooks: 0xFFFF, sensors: 0),
            .status(board: 1, hooks: 0xFFFF, sensors: 0x8000),
            .status(board: 2, hooks: 0xFFFF, sensors: 0),
        ])
        #expect(replies.map(\.board) == [0, 1, 2])
    }

    @Test func unlockAll_releasesEveryLockOfThatBoardOnly() throws {
        // Given boards 0 and 1
        var core = try Support.kerongBus(boards: [0, 1])
        // When board 1 is told to unlock everything
        let replies = core.receive(try KerongFrame.unlockAll(board: 1).encoded(), at: .zero)
        // Then nothing is sent back, board 1's hooks all read open and board 0 is untouched
        #expect(replies.isEmpty)
        #expect(try Support.status(of: &core, board: 1, at: .milliseconds(10))?.hooks == 0x0000)
        #expect(try Support.status(of: &core, board: 0, at: .milliseconds(10))?.hooks == 0xFFFF)
    }

    @Test func requestsForAbsentBoards_andGarbage_getNoAnswer() throws {
        // Given only board 0
        var core = try Support.kerongBus()
        // When the host asks board 5, then sends line noise followed by a valid request in pieces
        let absent = core.receive(try KerongFrame.readStatus(board: 5).encoded(), at: .zero)
        let request = try KerongFrame.readStatus(board: 0).encoded()
        let first = core.receive([0xAA, 0x55] + request.prefix(2), at: .zero)
        let second = core.receive(request.dropFirst(2), at: .zero)
        // Then only the valid request for board 0 is answered and the noise is logged
        #expect(absent.isEmpty && first.isEmpty)
        #expect(Support.bytes(second) == Support.idleStatusBoard0)
        #expect(core.log.contains { $0.event == .garbageDiscarded(count: 2) })
    }
}
