import Foundation
import KioskStore
import Logging

extension SyncService {
    /// The push shell: performs each ``PushAction`` against the store and the backend.
    func pushLoop() async throws {
        var generator = makeGenerator()
        var session = try PushSession(maximumBatchSize: settings.pushBatchSize, backoff: settings.backoff)
        var action = session.firstAction
        var rows: [Int64: OutboxEvent] = [:]
        while !Task.isCancelled {
            let event: PushEvent
            do {
                switch action {
                case .load(let limit):
                    let pending = try await database.pendingEvents(limit: limit)
                    rows = Dictionary(pending.map { ($0.seq, $0) }, uniquingKeysWith: { first, _ in first })
                    event = .loaded(pending.map { PushItem(seq: $0.seq, eventID: $0.eventId) })
                case .send(let batch):
                    let events = batch.compactMap { rows[$0.seq] }
                    try await database.markSent(batch.map(\.seq), at: now())
                    switch await client.pushEvents(events) {
                    case .success(let answer): event = .answered(answer)
                    case .failure(let failure):
                        await note(failure, during: "push of events \(batch.first?.seq ?? 0)…\(batch.last?.seq ?? 0)")
                        event = .failed(failure)
                    }
                case .settle(let settlement):
                    let refusals = settlement.refused.map {
                        OutboxRefusal(seq: $0.item.seq, eventID: $0.item.eventID, reason: $0.reason)
                    }
                    try await database.settleEvents(
                        accepted: settlement.accepted.map(\.eventID), refused: refusals, at: now())
                    for refusal in refusals {
                        logger.error("backend refused an event for good", metadata: [
                            "outbox.seq": "\(refusal.seq)", "error": "\(refusal.reason)",
                        ])
                    }
                    await noteSuccess(.push)
                    event = .settled
                case .wait(let delay):
                    guard await Task.sleep(for: delay, on: clock) else { return }
                    event = .waited
                case .idle:
                    await pushBell.wait(upTo: settings.pushIdleInterval, clock: clock)
                    event = .nudged
                }
            } catch {
                if Task.isCancelled || error is CancellationError { return }
                // The store refused (disk full, busy past its timeout): start over from the store.
                logger.error("outbox push paused by a store error", metadata: ["error": "\(error)"])
                guard await Task.sleep(for: settings.backoff.maximum, on: clock) else { return }
                session = try PushSession(maximumBatchSize: settings.pushBatchSize, backoff: settings.backoff)
                action = session.firstAction
                continue
            }
            action = session.handle(event, using: &generator)
            let snapshot = session
            live.withLockedValue { state in
                state.consecutivePushFailures = snapshot.consecutiveFailures
                state.blocked = snapshot.blocked
            }
            if case .answered = event, let blocked = snapshot.blocked {
                logger.error("outbox blocked by a refused event", metadata: [
                    "outbox.seq": "\(blocked.seq)", "error": "\(blocked.reason)",
                ])
                await note(.status(code: 422, detail: "event \(blocked.seq) refused: \(blocked.reason)"), during: "push")
            }
        }
    }
}
