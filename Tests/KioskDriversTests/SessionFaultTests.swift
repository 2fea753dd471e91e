import DeviceProtocols
import KioskHAL
import Testing
@testable import KioskDrivers

@Suite struct SessionFaultTests {
    typealias S = SessionTestSupport

    @Test func twoDifferentReplies_toOneRequest_reportTwoBoardsOnTheAddress() {
        // Given a poll of board 0 outstanding
        var session = S.idleKerong()
        _ = session.handle(.busFree(pollDue: true))
        // When two different status frames for board 0 arrive
        let first = session.handle(.received(S.kerongStatus(board: 0, hooks: 0xFFFF, sensors: 0x0001)))
        let second = session.handle(.received(S.kerongStatus(board: 0, hooks: 0xFFFF, sensors: 0x0000)))
        // Then the first is the reply and the second raises the disagreement once
        #expect(S.events(first) == [.itemInserted(slot: "S0-1")])
        #expect(S.events(second) == [.sensorDisagreement(slot: nil, detail: "two boards answer address 0")])
        #expect(session.snapshot["S0-1"]?.occupancy == .present)
    }

    @Test func identicalDuplicateReply_isIgnored() {
        // Given a poll of board 0 outstanding
        var session = S.idleKerong()
        _ = session.handle(.busFree(pollDue: true))
        // When the same frame arrives twice
        let reply = S.kerongStatus(board: 0)
        _ = session.handle(.received(reply))
        let duplicate = session.handle(.received(reply))
        // Then the duplicate changes nothing and raises nothing
        #expect(duplicate.isEmpty)
        #expect(session.staleFrames == 1)
    }

    @Test func repeatedGarbledReplies_fromOneAddress_whileOthersAnswer_reportACollision() {
        // Given three boards where board 1's replies always fail their checksum
        var session = S.idleKerong(offlineAfter: 10)
        var events: [LockerEvent] = []
        // When nine polls run
        for _ in 0..<9 {
            guard let request = S.sent(session.handle(.busFree(pollDue: true))).first else { break }
            var reply = S.kerongStatus(board: request.board)
            if request.board == 1 { reply[reply.count - 1] ^= 0xFF }
            events += S.events(session.handle(.received(reply)))
            if session.awaitingReply { events += S.events(session.handle(.replyTimedOut)) }
        }
        // Then the collision is reported exactly once, naming address 1
        #expect(events == [.sensorDisagreement(slot: nil, detail: "two boards answer address 1")])
    }

    @Test func strayBytes_beforeAReply_areSkipped() {
        // Given a poll of board 0
        var session = S.idleKerong()
        _ = session.handle(.busFree(pollDue: true))
        // When noise precedes a reply split over two chunks
        let reply = S.kerongStatus(board: 0, hooks: 0xFFF7)
        _ = session.handle(.received([0xAA, 0x02, 0x55] + reply.prefix(4)))
        let actions = session.handle(.received(Array(reply.dropFirst(4))))
        // Then the reply is still matched
        #expect(S.events(actions) == [.doorOpenedWithoutCommand(slot: "S0-4")])
        #expect(!session.awaitingReply)
    }

    @Test func linkLost_takesEveryBoardOffline_andEndsOpens_thenRestoreReReadsAll() {
        // Given an idle two-board session with a pulsed unlock awaiting confirmation
        var session = S.idleKerong(boards: [0, 1])
        _ = session.handle(.open(ticket: 11, slot: "S1-1"))
        _ = session.handle(.busFree(pollDue: false))
        // When the stream is lost
        let lost = session.handle(.linkLost)
        // Then the open ends with the bus lost and both boards go offline
        #expect(S.finished(lost).map(\.1) == [.busLost])
        #expect(S.events(lost).count == 2)
        #expect(S.sent(session.handle(.busFree(pollDue: true))).isEmpty)
        // When a new stream is open
        _ = session.handle(.linkRestored)
        var reads: [Int] = []
        var online: [LockerEvent] = []
        for _ in 0..<2 {
            guard let request = S.sent(session.handle(.busFree(pollDue: false))).first else { break }
            reads.append(request.board)
            online += S.events(session.handle(.received(S.kerongStatus(board: request.board))))
        }
        // Then both boards are re-read at once and announced online
        #expect(reads == [0, 1])
        #expect(online.count == 2)
        #expect(session.snapshot.values.allSatisfy { $0.device == .online })
    }

    @Test func lateRelease_afterTheBound_isNotAForcedDoor_butAForcedDoorLaterIs() {
        // Given a WKLY pulse still awaiting its reply when the bound passes
        var session = S.idleWKLY()
        _ = session.handle(.open(ticket: 1, slot: "S0-1"))
        _ = session.handle(.busFree(pollDue: false))
        let bound = session.handle(.openBoundPassed(ticket: 1))
        #expect(S.finished(bound).map(\.1) == [.outcome(.notConfirmed)])
        // When the reply then reports the door open
        let late = session.handle(.received(S.wkly(.openLockReply(address: 0, ok: true, channel: 1, door: .open))))
        // Then it counts as the commanded opening, not a forced one
        #expect(S.events(late) == [.doorOpened(slot: "S0-1")])
    }

    @Test func stuckLock_afterNotConfirmed_aLaterForcedDoorIsFlagged() {
        // Given a Kerong unlock that was not confirmed
        var session = S.idleKerong(boards: [0])
        _ = session.handle(.open(ticket: 1, slot: "S0-2"))
        _ = session.handle(.busFree(pollDue: false))
        _ = session.handle(.openBoundPassed(ticket: 1))
        // When the next poll shows it closed and a later one shows it open
        _ = session.handle(.busFree(pollDue: true))
        let closed = session.handle(.received(S.kerongStatus(board: 0)))
        _ = session.handle(.busFree(pollDue: true))
        let forced = session.handle(.received(S.kerongStatus(board: 0, hooks: 0xFFFD)))
        // Then nothing is reported for the closed reading and the opening is flagged as forced
        #expect(S.events(closed).isEmpty)
        #expect(S.events(forced) == [.doorOpenedWithoutCommand(slot: "S0-2")])
    }
}

@Suite struct FeedbackPolarityTests {
    typealias S = SessionTestSupport

    @Test func invertedKerongBoard_readsHookBitOneAsReleased() {
        // Given board 1 wired with inverted hooks, idle on the wire as all zeros
        var session = LockBusSession(
            bus: "bus0", family: .kerong, slots: S.slots(boards: [0, 1], channels: 2), invertedFeedback: [1])
        _ = session.handle(.busFree(pollDue: false))
        _ = session.handle(.received(S.kerongStatus(board: 0)))
        _ = session.handle(.busFree(pollDue: false))
        _ = session.handle(.received(S.kerongStatus(board: 1, hooks: 0x0000)))
        #expect(session.snapshot["S1-1"]?.door == .closed)
        // When bit 1 of board 1 is set
        _ = session.handle(.busFree(pollDue: true))
        _ = session.handle(.received(S.kerongStatus(board: 0)))
        _ = session.handle(.busFree(pollDue: true))
        let actions = session.handle(.received(S.kerongStatus(board: 1, hooks: 0x0001)))
        // Then channel 1 reads released and board 0 keeps normal polarity
        #expect(S.events(actions) == [.doorOpenedWithoutCommand(slot: "S1-1")])
        #expect(session.snapshot["S0-1"]?.door == .closed)
    }

    @Test func invertedWKLYBoard_swapsOpenAndClosed() {
        // Given WKLY board 0 wired inverted and read once as all "open" on the wire
        var session = LockBusSession(bus: "bus1", family: .wkly, slots: S.slots(boards: [0], channels: 2), invertedFeedback: [0])
        _ = session.handle(.busFree(pollDue: false))
        _ = session.handle(.received(S.wkly(.queryAllDoorsReply(address: 0, ok: true, doors: [.open, .open]))))
        #expect(session.snapshot["S0-2"]?.door == .closed)
        // When channel 2 is pushed as "closed" on the wire
        let actions = session.handle(.received(S.wkly(.doorChanged(address: 0, channel: 2, door: .closed))))
        // Then the door reads open
        #expect(S.events(actions) == [.doorOpenedWithoutCommand(slot: "S0-2")])
    }
}
