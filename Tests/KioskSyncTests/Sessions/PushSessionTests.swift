import Foundation
import KioskSync
import TestSupport
import Testing

@Suite struct PushSessionTests {
    static func items(_ seqs: ClosedRange<Int64>) -> [PushItem] {
        seqs.map { PushItem(seq: $0, eventID: UUID()) }
    }

    @Test func aBatchIsThePendingPrefixInSeqOrder_andOnlyAcceptedEventsAreAcknowledged() throws {
        // Given 5 pending events handed over out of order and a batch size of 3
        var session = try PushSession(maximumBatchSize: 3)
        var rng = SplitMix64(seed: 1)
        let pending = Self.items(1...5)
        #expect(session.firstAction == .load(limit: 3))
        // When they load, then the backend accepts only the first two of the batch
        let send = session.handle(.loaded([pending[2], pending[0], pending[1]]), using: &rng)
        #expect(send == .send([pending[0], pending[1], pending[2]]))
        let answer = PushAnswer(accepted: [pending[0].eventID, pending[1].eventID], lastConsumedSeq: 2)
        // Then exactly those two are acknowledged and the list is read again from the store
        #expect(session.handle(.answered(answer), using: &rng)
            == .settle(PushSettlement(accepted: [pending[0], pending[1]], refused: [])))
        #expect(session.handle(.settled, using: &rng) == .load(limit: 3))
        #expect(session.consecutiveFailures == 0)
    }

    @Test func transientFailures_backOffExponentiallyWithJitter_andASuccessResetsIt() throws {
        var session = try PushSession(maximumBatchSize: 10)
        var rng = SplitMix64(seed: 2)
        let pending = Self.items(1...4)
        var delays: [Duration] = []
        let failures: [BackendFailure] = [
            .transport("connection refused"), .status(code: 503, detail: ""), .timedOut,
            .malformed("missing DaNhan"), .bodyTooLarge(limit: 4_194_304), .status(code: 429, detail: ""),
        ]
        for failure in failures {
            _ = session.handle(.loaded(pending), using: &rng)
            guard case .wait(let delay) = session.handle(.failed(failure), using: &rng) else {
                Issue.record("\(failure) should back off")
                return
            }
            delays.append(delay)
            #expect(session.handle(.waited, using: &rng) == .load(limit: 10))
        }
        for (index, delay) in delays.enumerated() {
            let ceiling = BackoffPolicy.standard.ceiling(afterFailures: index + 1)
            #expect(delay >= ceiling / 2 && delay <= ceiling)
        }
        #expect(session.consecutiveFailures == failures.count)
        _ = session.handle(.loaded(pending), using: &rng)
        _ = session.handle(.answered(PushAnswer(accepted: pending.map(\.eventID), lastConsumedSeq: 4)), using: &rng)
        #expect(session.consecutiveFailures == 0)
        #expect(session.lastFailure == nil)
    }

    @Test func anAnswerAcceptingNothing_isTreatedAsMalformed_andNothingIsAcknowledged() throws {
        var session = try PushSession()
        var rng = SplitMix64(seed: 3)
        let pending = Self.items(1...2)
        _ = session.handle(.loaded(pending), using: &rng)
        let stray = UUID()
        let action = session.handle(.answered(PushAnswer(accepted: [stray], lastConsumedSeq: 0)), using: &rng)
        guard case .wait = action else {
            Issue.record("expected a backoff, got \(action)")
            return
        }
        #expect(session.strayAcknowledgements == 1)
        guard case .malformed = session.lastFailure else {
            Issue.record("expected a malformed failure, got \(String(describing: session.lastFailure))")
            return
        }
    }

    @Test func aRefusedBatchIsHalvedUntilTheRefusedEventStandsAlone_thenTheLineBlocksThere() throws {
        // Given 8 pending events
        var session = try PushSession(maximumBatchSize: 8)
        var rng = SplitMix64(seed: 4)
        let pending = Self.items(1...8)
        // When every batch is refused with 422, batches shrink 8 → 4 → 2 → 1
        var sizes: [Int] = []
        var action = session.handle(.loaded(pending), using: &rng)
        while case .send(let batch) = action, sizes.count < 10 {
            sizes.append(batch.count)
            _ = session.handle(.failed(.status(code: 422, detail: "invalid DuLieu")), using: &rng)
            _ = session.handle(.waited, using: &rng)
            if session.blocked != nil { break }
            action = session.handle(.loaded(pending), using: &rng)
        }
        // Then the line blocks at event 1, which is never skipped
        #expect(sizes == [8, 4, 2, 1])
        #expect(session.blocked?.seq == 1)
    }

    @Test func aPermanentRefusalTheBackendConsumed_isSettledWithItsReason_andTheLineMovesOn() throws {
        var session = try PushSession()
        var rng = SplitMix64(seed: 5)
        let pending = Self.items(1...3)
        _ = session.handle(.loaded(pending), using: &rng)
        let answer = PushAnswer(
            accepted: [pending[0].eventID, pending[2].eventID],
            refused: [pending[1].eventID: PushRefusal(reason: "HO_SO_KHONG_TON_TAI", retryable: false)],
            lastConsumedSeq: 3)
        #expect(session.handle(.answered(answer), using: &rng) == .settle(PushSettlement(
            accepted: [pending[0], pending[2]],
            refused: [PushSettlement.RefusedItem(item: pending[1], reason: "HO_SO_KHONG_TON_TAI")])))
        #expect(session.blocked == nil)
        #expect(session.consecutiveFailures == 0)
    }

    @Test func aRetryableGap_settlesTheAcceptedPrefix_andResendsTheRestFromTheStore() throws {
        var session = try PushSession()
        var rng = SplitMix64(seed: 8)
        let pending = Self.items(1...3)
        _ = session.handle(.loaded(pending), using: &rng)
        let answer = PushAnswer(
            accepted: [pending[0].eventID],
            refused: [pending[1].eventID: PushRefusal(reason: "THIEU_SO_THU_TU", retryable: true),
                      pending[2].eventID: PushRefusal(reason: "THIEU_SO_THU_TU", retryable: true)],
            lastConsumedSeq: 1)
        #expect(session.handle(.answered(answer), using: &rng) == .settle(PushSettlement(accepted: [pending[0]], refused: [])))
        #expect(session.handle(.settled, using: &rng) == .load(limit: 100))
        #expect(session.handle(.loaded(Array(pending.dropFirst())), using: &rng) == .send(Array(pending.dropFirst())))
    }

    @Test func aBackendBehindTheKiosksFirstPendingEvent_blocksTheLine_insteadOfSkippingAhead() throws {
        var session = try PushSession()
        var rng = SplitMix64(seed: 9)
        let pending = [PushItem(seq: 50, eventID: UUID())]
        _ = session.handle(.loaded(pending), using: &rng)
        let answer = PushAnswer(
            accepted: [], refused: [pending[0].eventID: PushRefusal(reason: "THIEU_SO_THU_TU", retryable: true)],
            lastConsumedSeq: 10)
        #expect(session.handle(.answered(answer), using: &rng) == .wait(BackoffPolicy.standard.maximum))
        #expect(session.blocked?.seq == 50)
    }

    @Test func unauthorised_waitsTheMaximum_becauseRetryingSoonerCannotHelp() throws {
        var session = try PushSession()
        var rng = SplitMix64(seed: 6)
        _ = session.handle(.loaded(Self.items(1...1)), using: &rng)
        #expect(session.handle(.failed(.status(code: 401, detail: "")), using: &rng) == .wait(.seconds(60)))
    }

    @Test func underRandomFailuresAndPartialAnswers_everyEventIsAcknowledgedOnce_inSeqOrder() async throws {
        // Given 2,000 events and a backend model that applies events in order, dedupes by id,
        // and at random fails before applying, fails after applying, or accepts only a prefix
        var rng = SplitMix64(seed: 7)
        var session = try PushSession(maximumBatchSize: 50)
        var pending = Self.items(1...2_000)
        var applied: [Int64] = []
        var appliedIDs = Set<UUID>()
        var acknowledged: [Int64] = []
        var action = session.firstAction
        var steps = 0
        while steps < 1_000_000 {
            steps += 1
            if steps % 1_000 == 0 { await Task.yield() }
            switch action {
            case .load(let limit):
                action = session.handle(.loaded(Array(pending.prefix(limit))), using: &rng)
            case .send(let batch):
                #expect(batch == Array(pending.prefix(batch.count)), "a batch must be the pending prefix")
                let roll = rng.below(100)
                if roll < 30 {
                    action = session.handle(.failed(.status(code: 503, detail: "")), using: &rng)
                    continue
                }
                let taken = roll < 50 ? rng.below(batch.count + 1) : batch.count
                for item in batch.prefix(taken) where appliedIDs.insert(item.eventID).inserted {
                    applied.append(item.seq)
                }
                if roll >= 90 {
                    action = session.handle(.failed(.transport("response lost")), using: &rng)
                } else {
                    let answer = PushAnswer(
                        accepted: batch.filter { appliedIDs.contains($0.eventID) }.map(\.eventID),
                        lastConsumedSeq: applied.last ?? 0)
                    action = session.handle(.answered(answer), using: &rng)
                }
            case .settle(let settlement):
                let ids = Set(settlement.accepted.map(\.eventID))
                acknowledged += settlement.accepted.map(\.seq)
                pending.removeAll { ids.contains($0.eventID) }
                action = session.handle(.settled, using: &rng)
            case .wait:
                action = session.handle(.waited, using: &rng)
            case .idle:
                steps = .max
            }
        }
        // Then the backend applied each event exactly once in seq order, and all were acknowledged in order
        #expect(pending.isEmpty)
        #expect(applied == Array(1...2_000))
        #expect(acknowledged == Array(1...2_000))
    }
}
