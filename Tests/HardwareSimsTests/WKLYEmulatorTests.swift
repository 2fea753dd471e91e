import DeviceProtocols
import Testing
@testable import HardwareSims

@Suite struct WKLYEmulatorTests {
    typealias Support = EmulatorTestSupport

    @Test func openLock_onAnIdleBoard_repliesTheVendorVector_withTheDoorSprungOpen() throws {
        // Given an idle WKLY board 0 with spring-loaded doors (the WKLY default)
        var core = try Support.wklyBus()
        // When the host opens channel 1
        let replies = core.receive(try WKLYMessage.openLock(address: 0, channel: 1).frame.encoded(), at: .zero)
        // Then the single reply is "ok, channel 1, open" — the door as read right after the release
        #expect(Support.bytes(replies) == [0x57, 0x4B, 0x4C, 0x59, 0x0B, 0x00, 0x82, 0x00, 0x01, 0x00, 0x81])
        #expect(replies.count == 1)
        #expect(try core.state(board: 0, channel: 1) == LockChannelState(latched: false, doorOpen: true))
    }

    @Test func openLock_withoutSpringDoors_reportsTheDoorStillClosed() throws {
        // Given doors that do not spring ajar
        var core = try Support.wklyBus(springDoors: false)
        // When channel 4 is opened
        let replies = core.receive(try WKLYMessage.openLock(address: 0, channel: 4).frame.encoded(), at: .zero)
        // Then the board reports ok with the door closed, and the latch re-engages after the pulse
        #expect(Support.wklyMessages(replies) == [.openLockReply(address: 0, ok: true, channel: 4, door: .closed)])
        _ = core.advance(to: .milliseconds(500))
        #expect(try core.state(board: 0, channel: 4) == .idle)
    }

    @Test func openLock_onAMissingChannel_failsWithDoorError() throws {
        // Given an 8-channel board
        var core = try Support.wklyBus(channels: 8)
        // When the host opens channel 9
        let replies = core.receive(try WKLYMessage.openLock(address: 0, channel: 9).frame.encoded(), at: .zero)
        // Then the board refuses
        #expect(Support.wklyMessages(replies) == [.openLockReply(address: 0, ok: false, channel: 9, door: .error)])
    }

    @Test func doorChangesByThePerson_arePushedAs85Frames() throws {
        // Given channel 2 released with doors that do not spring
        var core = try Support.wklyBus(springDoors: false)
        _ = core.receive(try WKLYMessage.openLock(address: 0, channel: 2).frame.encoded(), at: .zero)
        // When the citizen opens and later closes the door
        try core.openDoor(board: 0, channel: 2)
        let opened = core.takeDueTransmissions()
        _ = core.advance(to: .seconds(1))
        try core.closeDoor(board: 0, channel: 2)
        let closed = core.advance(to: .seconds(1))
        // Then each change is pushed unsolicited
        #expect(Support.wklyMessages(opened) == [.doorChanged(address: 0, channel: 2, door: .open)])
        #expect(Support.wklyMessages(closed) == [.doorChanged(address: 0, channel: 2, door: .closed)])
    }

    @Test func queryDoor_andQueryAll_reportEveryDoor() throws {
        // Given a 4-channel board with channel 3 sprung open
        var core = try Support.wklyBus(channels: 4)
        _ = core.receive(try WKLYMessage.openLock(address: 0, channel: 3).frame.encoded(), at: .zero)
        // When the host queries channel 3 and then all doors
        let one = core.receive(try WKLYMessage.queryDoor(address: 0, channel: 3).frame.encoded(), at: .seconds(1))
        let all = core.receive(try WKLYMessage.queryAllDoors(address: 0).frame.encoded(), at: .seconds(1))
        // Then both answers agree
        #expect(Support.wklyMessages(one) == [.queryDoorReply(address: 0, ok: true, channel: 3, door: .open)])
        #expect(Support.wklyMessages(all) == [
            .queryAllDoorsReply(address: 0, ok: true, doors: [.closed, .closed, .open, .closed]),
        ])
    }

    @Test func openAll_repliesOk_thenPushesEachDoorThatSprangOpen() throws {
        // Given a 3-channel board
        var core = try Support.wklyBus(channels: 3, boards: [7])
        // When the host opens everything
        let replies = core.receive(try WKLYMessage.openAll(address: 7).frame.encoded(), at: .zero)
        // Then the reply comes first, followed by one push per door
        #expect(Support.wklyMessages(replies) == [
            .openAllReply(address: 7, ok: true),
            .doorChanged(address: 7, channel: 1, door: .open),
            .doorChanged(address: 7, channel: 2, door: .open),
            .doorChanged(address: 7, channel: 3, door: .open),
        ])
    }

    @Test func doorChange_whileAReplyIsDelayed_isPushedBetweenRequestAndReply() throws {
        // Given channel 1 open and board 0 answering 300 ms late
        var core = try Support.wklyBus()
        _ = core.receive(try WKLYMessage.openLock(address: 0, channel: 1).frame.encoded(), at: .zero)
        core.install(Support.plan(ScheduledFault(.slowReply(delay: .milliseconds(300)), scope: FaultScope(board: 0))))
        // When the host queries channel 1 at 1 s and the door closes at 1.1 s
        var wire = core.receive(try WKLYMessage.queryDoor(address: 0, channel: 1).frame.encoded(), at: .seconds(1))
        wire += core.advance(to: .milliseconds(1100))
        try core.closeDoor(board: 0, channel: 1)
        wire += core.advance(to: .milliseconds(1300))
        // Then the host sees the push before the (delayed) reply, which reports the door now
        #expect(Support.wklyMessages(wire) == [
            .doorChanged(address: 0, channel: 1, door: .closed),
            .queryDoorReply(address: 0, ok: true, channel: 1, door: .open),
        ])
        #expect(wire.map(\.sendAt) == [.milliseconds(1100), .milliseconds(1300)])
    }
}
