import Foundation
import KioskStore
import OneStopWire

/// Maps outbox rows to the contract's events.
enum EventTranslation {
    /// The wire event for `row`.
    /// - Throws: `TranslationProblem` when the stored row cannot be sent (the schema makes this
    ///   unreachable short of an altered file).
    static func event(_ row: OutboxEvent) throws(TranslationProblem) -> OneStopEvent {
        guard let kind = OneStopEventKind(rawValue: row.kind.rawValue) else {
            throw TranslationProblem("outbox event \(row.seq) has kind \(row.kind.rawValue), unknown to the contract")
        }
        guard let occurredAt = OneStopDateFormat.date(from: row.occurredAt) else {
            throw TranslationProblem("outbox event \(row.seq) has an unreadable time")
        }
        let details: JSONValue
        do {
            details = try OneStopJSON.decode(JSONValue.self, from: Data(row.payload.utf8))
        } catch {
            throw TranslationProblem("outbox event \(row.seq) has details that are not JSON")
        }
        return OneStopEvent(
            id: row.eventId, seq: row.seq, kind: kind, occurredAt: occurredAt, dossierCode: row.dossierCode,
            details: details)
    }

    /// The session's view of a batch answer.
    static func answer(_ result: OneStopEventBatchResult) -> PushAnswer {
        var refused: [UUID: PushRefusal] = [:]
        for rejection in result.rejected {
            refused[rejection.id] = PushRefusal(
                reason: "\(rejection.reason.rawValue): \(String(rejection.detail.prefix(200)))",
                retryable: rejection.retryable)
        }
        return PushAnswer(accepted: result.accepted, refused: refused, lastConsumedSeq: result.lastConsumedSeq)
    }
}
