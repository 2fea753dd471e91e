import DeviceProtocols
import KioskHAL
import Testing
@testable import KioskDrivers

@Suite struct WKLYSessionTests {
    typealias S = SessionTestSupport

    @Test func open_whenTheReplyReportsTheDoorOpen_confirmsAtOnce() {
        // Given an idle WKLY session and an open for board 1 channel 3
        var session = S.idleWKLY()
        _ = session.handle(.open(ticket: 4, slot: "S1-3"))
        // When the pulse goes out
        let sent = S.sent(session.handle(.busFree(pollDue: false)))
        #expect(sent.map(\.bytes) == [S.wkly(.openLock(address: 1, channel: 3))])
        // And the board replies "ok, channel 3, open"
        let actions = session.handle(.received(S.wkly(.openLockReply(address: 1, ok: true, channel: 3, door: .open))))
        // Then the door opened after a command and the open is confirmed
        #expect(S.events(actions) == [.doorOpened(slot: "S1-3")])
        #expect(S.finished(actions).map(\.1) == [.outcome(.confirmed)])
        #expect(session.snapshot["S1-3"]?.occupancy == .notSensed)
    }

    @Test func open_whenTheReplyReportsClosed_confirmsByQueryingTheDoor() {
        // Given an open whose reply says the door is still closed
        var session = S.idleWKLY()
        _ = session.handle(.open(ticket: 5, slot: "S0-2"))
        _ = session.handle(.busFree(pollDue: false))
        let ack = session.handle(.received(S.wkly(.openLockReply(address: 0, ok: true, channel: 2, door: .closed))))
        #expect(S.finished(ack).isEmpty)
        // When the bus is free, the next request is an 83 for that door
        let query = S.sent(session.handle(.busFree(pollDue: false)))
        #expect(query.map(\.bytes) == [S.wkly(.queryDoor(address: 0, channel: 2))])
        // And the door reads open
        let actions = session.handle(.received(S.wkly(.queryDoorReply(address: 0, ok: true, channel: 2, door: .open))))
        // Then it is confirmed
        #expect(S.finished(actions).map(\.1) == [.outcome(.confirmed)])
    }

    @Test func open_whenThePulseReplyTimesOut_queriesTheDoor_neverResends() {
        // Given a pulse whose reply never comes
        var session = S.idleWKLY()
        _ = session.handle(.open(ticket: 6, slot: "S0-1"))
        var frames = S.sent(session.handle(.busFree(pollDue: false))).map(\.bytes)
        _ = session.handle(.replyTimedOut)
        // When three more transactions run, each door query answered "closed"
        for _ in 0..<3 {
            let requests = S.sent(session.handle(.busFree(pollDue: true)))
            frames += requests.map(\.bytes)
            _ = session.handle(.received(S.wkly(.queryDoorReply(address: 0, ok: true, channel: 1, door: .closed))))
        }
        let actions = session.handle(.openBoundPassed(ticket: 6))
        // Then one 82 and then only 83 reads went out, and the open is not confirmed
        let query = S.wkly(.queryDoor(address: 0, channel: 1))
        #expect(frames == [S.wkly(.openLock(address: 0, channel: 1)), query, query, query])
        #expect(S.finished(actions).map(\.1) == [.outcome(.notConfirmed)])
    }

    @Test func open_refusedByTheBoard_isNotConfirmed() {
        // Given a pulse answered with status FF
        var session = S.idleWKLY()
        _ = session.handle(.open(ticket: 8, slot: "S1-1"))
        _ = session.handle(.busFree(pollDue: false))
        // When the failure reply arrives
        let actions = session.handle(.received(S.wkly(.openLockReply(address: 1, ok: false, channel: 1, door: .closed))))
        // Then the open ends not confirmed, without a second pulse
        #expect(S.finished(actions).map(\.1) == [.outcome(.notConfirmed)])
        #expect(S.sent(session.handle(.busFree(pollDue: true))).allSatisfy { $0.command == 0x84 })
    }

    @Test func pushedDoorChange_betweenRequestAndReply_isReported_andTheReplyStillMatches() {
        // Given a query-all of board 0 outstanding
        var session = S.idleWKLY()
        let request = S.sent(session.handle(.busFree(pollDue: true))).first
        #expect(request?.board == 0)
        // When board 1 pushes "channel 4 open" before board 0's reply, in one chunk
        let push = S.wkly(.doorChanged(address: 1, channel: 4, door: .open))
        let actions = session.handle(.received(push + S.wklyAllClosed(board: 0, channels: 4)))
        // Then the push becomes an event and the reply completes the transaction
        #expect(S.events(actions) == [.doorOpenedWithoutCommand(slot: "S1-4")])
        #expect(!session.awaitingReply)
        #expect(session.snapshot["S1-4"]?.door == .open)
    }

    @Test func pushedDoorOpen_duringAConfirmation_confirms() {
        // Given an open awaiting 83 reads
        var session = S.idleWKLY()
        _ = session.handle(.open(ticket: 9, slot: "S0-4"))
        _ = session.handle(.busFree(pollDue: false))
        _ = session.handle(.received(S.wkly(.openLockReply(address: 0, ok: true, channel: 4, door: .closed))))
        // When the board pushes the door open
        let actions = session.handle(.received(S.wkly(.doorChanged(address: 0, channel: 4, door: .open))))
        // Then it is confirmed, with a commanded door-open event
        #expect(S.events(actions) == [.doorOpened(slot: "S0-4")])
        #expect(S.finished(actions).map(\.1) == [.outcome(.confirmed)])
    }

    @Test func offlineBoard_answeringAgain_isAnnounced_andItsSlotsOnline() {
        // Given board 1 offline after one timeout
        var session = S.idleWKLY(offlineAfter: 1)
        _ = session.handle(.busFree(pollDue: true))
        _ = session.handle(.received(S.wklyAllClosed(board: 0, channels: 4)))
        _ = session.handle(.busFree(pollDue: true))
        let offline = S.events(session.handle(.replyTimedOut))
        #expect(offline == [.boardOffline(board: "bus1/1", slots: ["S1-1", "S1-2", "S1-3", "S1-4"])])
        // When board 1's full read comes back after a poll of board 0
        _ = session.handle(.busFree(pollDue: true))
        _ = session.handle(.received(S.wklyAllClosed(board: 0, channels: 4)))
        let request = S.sent(session.handle(.busFree(pollDue: true))).first
        #expect(request?.board == 1)
        let actions = session.handle(.received(S.wklyAllClosed(board: 1, channels: 4)))
        // Then it is announced online and its slots are online again
        #expect(S.events(actions) == [.boardOnline(board: "bus1/1", slots: ["S1-1", "S1-2", "S1-3", "S1-4"])])
        #expect(session.snapshot["S1-2"]?.device == .online)
    }

    @Test func doorClosing_afterAConfirmedOpen_reportsClosed_andLaterOpeningIsUncommanded() {
        // Given a confirmed open of board 0 channel 1
        var session = S.idleWKLY()
        _ = session.handle(.open(ticket: 3, slot: "S0-1"))
        _ = session.handle(.busFree(pollDue: false))
        _ = session.handle(.received(S.wkly(.openLockReply(address: 0, ok: true, channel: 1, door: .open))))
        // When the door closes and later opens with no command
        let closed = session.handle(.received(S.wkly(.doorChanged(address: 0, channel: 1, door: .closed))))
        let reopened = session.handle(.received(S.wkly(.doorChanged(address: 0, channel: 1, door: .open))))
        // Then the close is reported and the re-opening counts as forced
        #expect(S.events(closed) == [.doorClosed(slot: "S0-1")])
        #expect(S.events(reopened) == [.doorOpenedWithoutCommand(slot: "S0-1")])
    }
}

@Suite struct WKLYBoardLossTests {
    typealias S = SessionTestSupport

    @Test func boardGoingOffline_duringAConfirmation_endsTheOpenBoardOffline_withoutASecondPulse() {
        // Given a pulse on board 0 whose reply and following door query both time out (offline after 2)
        var session = S.idleWKLY(offlineAfter: 2)
        _ = session.handle(.open(ticket: 1, slot: "S0-1"))
        let pulse = S.sent(session.handle(.busFree(pollDue: false)))
        _ = session.handle(.replyTimedOut)
        let query = S.sent(session.handle(.busFree(pollDue: false)))
        let offline = session.handle(.replyTimedOut)
        // Then the frames were one 82 and one 83, and the open ends boardOffline with the offline event
        #expect(pulse.map(\.command) + query.map(\.command) == [0x82, 0x83])
        #expect(S.finished(offline).map(\.1) == [.outcome(.boardOffline)])
        #expect(S.events(offline) == [.boardOffline(board: "bus1/0", slots: ["S0-1", "S0-2", "S0-3", "S0-4"])])
        // When routine polls run, board 0 answering its 84 again
        var online: [LockerEvent] = []
        for _ in 0..<2 {
            guard let request = S.sent(session.handle(.busFree(pollDue: true))).first else { break }
            #expect(request.command == 0x84)
            online += S.events(session.handle(.received(S.wklyAllClosed(board: request.board, channels: 4))))
        }
        // Then it is announced online again
        #expect(online == [.boardOnline(board: "bus1/0", slots: ["S0-1", "S0-2", "S0-3", "S0-4"])])
    }
}
