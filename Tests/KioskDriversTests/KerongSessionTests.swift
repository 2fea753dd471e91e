import DeviceProtocols
import KioskHAL
import Testing
@testable import KioskDrivers

@Suite struct KerongSessionTests {
    typealias S = SessionTestSupport

    @Test func polling_withThreeBoards_visitsEachInTurn() {
        // Given an idle session over boards 0, 1, 2
        var session = S.idleKerong()
        // When the bus is free and a poll is due six times, each reply arriving
        var polled: [Int] = []
        for _ in 0..<6 {
            guard let request = S.sent(session.handle(.busFree(pollDue: true))).first else { break }
            polled.append(request.board)
            _ = session.handle(.received(S.kerongStatus(board: request.board)))
        }
        // Then every board is read twice, round-robin
        #expect(polled == [0, 1, 2, 0, 1, 2])
    }

    @Test func busFree_whileARequestIsOutstanding_sendsNothing() {
        // Given a poll awaiting its reply
        var session = S.idleKerong()
        _ = session.handle(.busFree(pollDue: true))
        // When the bus is reported free again
        let actions = session.handle(.busFree(pollDue: true))
        // Then no second transaction goes out
        #expect(actions.isEmpty)
        #expect(session.awaitingReply)
    }

    @Test func open_whenHookReleases_pulsesOnceThenConfirms() {
        // Given an idle session and an open request for board 1 channel 2
        var session = S.idleKerong()
        _ = session.handle(.open(ticket: 7, slot: "S1-2"))
        // When the bus is free, the pulse goes out first and awaits no reply
        let pulse = S.sent(session.handle(.busFree(pollDue: false)))
        #expect(pulse.map(\.bytes) == [S.kerong(.unlock(board: 1, lock: 1))])
        #expect(pulse.first?.awaitsReply == false)
        // Then the next transaction reads board 1's status
        let read = S.sent(session.handle(.busFree(pollDue: false)))
        #expect(read.map(\.bytes) == [S.kerong(.readStatus(board: 1))])
        // When the hook of lock 2 reads released
        let actions = session.handle(.received(S.kerongStatus(board: 1, hooks: 0xFFFD)))
        // Then the door-opened event and the confirmation follow
        #expect(S.events(actions) == [.doorOpened(slot: "S1-2")])
        #expect(S.finished(actions).map(\.1) == [.outcome(.confirmed)])
        #expect(S.finished(actions).map(\.0) == [7])
        #expect(session.snapshot["S1-2"]?.lock == .unlocked)
    }

    @Test func open_withStuckLatch_isNotConfirmedAfterTheBound_andPulsesOnlyOnce() {
        // Given an open request on board 0 channel 1 whose latch never releases
        var session = S.idleKerong()
        _ = session.handle(.open(ticket: 1, slot: "S0-1"))
        var frames: [[UInt8]] = []
        // When the machine runs five transactions, every status showing the hook still latched
        for _ in 0..<5 {
            for request in S.sent(session.handle(.busFree(pollDue: true))) {
                frames.append(request.bytes)
                if request.awaitsReply { _ = session.handle(.received(S.kerongStatus(board: request.board))) }
            }
        }
        // And the bound passes
        let actions = session.handle(.openBoundPassed(ticket: 1))
        // Then exactly one unlock frame was ever sent, followed by status reads of board 0
        let read0 = S.kerong(.readStatus(board: 0))
        #expect(frames == [S.kerong(.unlock(board: 0, lock: 0)), read0, read0, read0, read0])
        #expect(S.finished(actions).map(\.1) == [.outcome(.notConfirmed)])
        // And afterwards only routine polls go out, never another pulse
        let after = S.sent(session.handle(.busFree(pollDue: true)))
        #expect(after.allSatisfy { $0.command == 0x30 })
    }

    @Test func open_whenAConfirmationReadTimesOut_readsStatusAgain_neverResends() {
        // Given a pulsed unlock whose first confirmation read goes unanswered
        var session = S.idleKerong()
        _ = session.handle(.open(ticket: 2, slot: "S2-3"))
        _ = session.handle(.busFree(pollDue: false))
        _ = session.handle(.busFree(pollDue: false))
        // When the read times out
        let timeoutActions = session.handle(.replyTimedOut)
        // Then nothing is finished and the next request is a status read, not a pulse
        #expect(S.finished(timeoutActions).isEmpty)
        let next = S.sent(session.handle(.busFree(pollDue: false)))
        #expect(next.map(\.bytes) == [S.kerong(.readStatus(board: 2))])
        // When that read shows the hook released
        let actions = session.handle(.received(S.kerongStatus(board: 2, hooks: 0xFFFB)))
        // Then the unlock is confirmed
        #expect(S.finished(actions).map(\.1) == [.outcome(.confirmed)])
    }

    @Test func timeouts_reachingTheLimit_takeOnlyThatBoardOffline() {
        // Given an idle session with three boards, offline after 3 timeouts
        var session = S.idleKerong()
        var events: [LockerEvent] = []
        // When board 1 never answers while 0 and 2 do
        for _ in 0..<9 {
            guard let request = S.sent(session.handle(.busFree(pollDue: true))).first else { break }
            if request.board == 1 {
                events += S.events(session.handle(.replyTimedOut))
            } else {
                events += S.events(session.handle(.received(S.kerongStatus(board: request.board))))
            }
        }
        // Then exactly one offline event names board 1 and only its slots
        #expect(events == [.boardOffline(board: "bus0/1", slots: ["S1-1", "S1-2", "S1-3", "S1-4"])])
        #expect(session.snapshot["S1-1"]?.device == .offline)
        #expect(session.snapshot["S0-1"]?.device == .online)
    }

    @Test func offlineBoard_onItsFirstGoodReply_isAnnouncedAndReRead() {
        // Given board 0 offline after one timeout, and a door forced while it was away
        var session = S.idleKerong(boards: [0, 1], offlineAfter: 1)
        _ = session.handle(.busFree(pollDue: true))
        _ = session.handle(.replyTimedOut)
        #expect(session.state(ofBoard: 0) == .offline)
        // When its next poll is answered with hook 1 released
        var request = S.sent(session.handle(.busFree(pollDue: true))).first
        if request?.board == 1 {
            _ = session.handle(.received(S.kerongStatus(board: 1)))
            request = S.sent(session.handle(.busFree(pollDue: true))).first
        }
        #expect(request?.board == 0)
        let actions = session.handle(.received(S.kerongStatus(board: 0, hooks: 0xFFFE)))
        // Then it is announced online first, and the reply's state is applied as a re-read
        #expect(S.events(actions) == [
            .boardOnline(board: "bus0/0", slots: ["S0-1", "S0-2", "S0-3", "S0-4"]),
            .doorOpenedWithoutCommand(slot: "S0-1"),
        ])
        #expect(session.snapshot["S0-1"]?.device == .online)
    }

    @Test func open_onAnOfflineBoard_orAnUnknownSlot_isAnsweredAtOnce() {
        // Given board 0 offline
        var session = S.idleKerong(boards: [0, 1], offlineAfter: 1)
        _ = session.handle(.busFree(pollDue: true))
        _ = session.handle(.replyTimedOut)
        // When opens arrive for its slot and for a label not on the bus
        let offline = session.handle(.open(ticket: 1, slot: "S0-2"))
        let unknown = session.handle(.open(ticket: 2, slot: "Z-99"))
        // Then each is answered without any frame
        #expect(S.finished(offline).map(\.1) == [.outcome(.boardOffline)])
        #expect(S.finished(unknown).map(\.1) == [.outcome(.unknownSlot)])
    }

    @Test func reply_fromAnotherBoard_isStale_andTheRequestStillWaits() {
        // Given a poll of board 0 outstanding
        var session = S.idleKerong()
        let request = S.sent(session.handle(.busFree(pollDue: true))).first
        #expect(request?.board == 0)
        // When board 2 answers with a changed door
        let actions = session.handle(.received(S.kerongStatus(board: 2, hooks: 0xFFFE)))
        // Then it is ignored: no event, state unchanged, still awaiting board 0
        #expect(actions.isEmpty)
        #expect(session.awaitingReply)
        #expect(session.snapshot["S2-1"]?.door == .closed)
        #expect(session.staleFrames == 1)
    }

    @Test func hookRelease_withoutCommand_isAForcedDoor() {
        // Given an idle session
        var session = S.idleKerong()
        _ = session.handle(.busFree(pollDue: true))
        // When board 0 reports lock 3 released though nothing was commanded
        let actions = session.handle(.received(S.kerongStatus(board: 0, hooks: 0xFFFB)))
        // Then the door is reported opened without command
        #expect(S.events(actions) == [.doorOpenedWithoutCommand(slot: "S0-3")])
    }

    @Test func itemSensors_changing_reportInsertedAndRemoved() {
        // Given an idle session
        var session = S.idleKerong(boards: [0])
        // When an item appears in lock 2, then disappears
        _ = session.handle(.busFree(pollDue: true))
        let inserted = session.handle(.received(S.kerongStatus(board: 0, sensors: 0x0002)))
        _ = session.handle(.busFree(pollDue: true))
        let removed = session.handle(.received(S.kerongStatus(board: 0, sensors: 0x0000)))
        // Then one event each
        #expect(S.events(inserted) == [.itemInserted(slot: "S0-2")])
        #expect(S.events(removed) == [.itemRemoved(slot: "S0-2")])
    }

    @Test func secondOpen_whilePulsesAreNotAllowed_waits_andTheFirstIsStillConfirmed() {
        // Given an open on board 0 pulsed and a second open on board 1 queued
        var session = S.idleKerong()
        _ = session.handle(.open(ticket: 1, slot: "S0-1"))
        _ = session.handle(.open(ticket: 2, slot: "S1-1"))
        let firstPulse = S.sent(session.handle(.busFree(pollDue: false)))
        // When the bus is free but the pulse spacing has not passed
        let during = S.sent(session.handle(.busFree(pollDue: false, pulseAllowed: false)))
        // Then the first unlock's confirmation read goes out instead of the second pulse
        #expect(firstPulse.map(\.bytes) == [S.kerong(.unlock(board: 0, lock: 0))])
        #expect(during.map(\.bytes) == [S.kerong(.readStatus(board: 0))])
        let confirmed = session.handle(.received(S.kerongStatus(board: 0, hooks: 0xFFFE)))
        #expect(S.finished(confirmed).map(\.0) == [1])
        // When pulses are allowed again
        let later = S.sent(session.handle(.busFree(pollDue: false, pulseAllowed: true)))
        // Then the second pulse goes out
        #expect(later.map(\.bytes) == [S.kerong(.unlock(board: 1, lock: 0))])
    }
}
