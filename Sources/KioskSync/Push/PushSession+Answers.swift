/// What the push session does with an answer or a failure for the batch in flight.
extension PushSession {
    mutating func settle(
        _ batch: [PushItem], answer: PushAnswer, using generator: inout some RandomNumberGenerator
    ) -> PushAction {
        let inBatch = Set(batch.map(\.eventID))
        let acceptedIDs = Set(answer.accepted)
        strayAcknowledgements += acceptedIDs.subtracting(inBatch).count
        let accepted = batch.filter { acceptedIDs.contains($0.eventID) }
        var refused: [PushSettlement.RefusedItem] = []
        for item in batch where !acceptedIDs.contains(item.eventID) {
            guard let refusal = answer.refused[item.eventID], !refusal.retryable else { continue }
            if item.seq <= answer.lastConsumedSeq {
                refused.append(.init(item: item, reason: refusal.reason))
            } else {
                // Refused for good but not consumed: the contract says this cannot happen; stop here.
                return blockLine(
                    at: item, reason: "refused without being consumed: \(refusal.reason)",
                    settling: PushSettlement(accepted: accepted, refused: refused))
            }
        }
        if accepted.isEmpty, refused.isEmpty {
            if let first = batch.first, first.seq > answer.lastConsumedSeq + 1 {
                return blockLine(
                    at: first,
                    reason: "the backend has consumed events only up to \(answer.lastConsumedSeq); it lost events the kiosk holds as delivered",
                    settling: PushSettlement(accepted: [], refused: []))
            }
            return fail(batch, .malformed("the backend settled none of the \(batch.count) events sent"), using: &generator)
        }
        consecutiveFailures = 0
        lastFailure = nil
        blocked = nil
        batchLimit = min(maximumBatchSize, batchLimit * 2)
        state = .acknowledging
        return .settle(PushSettlement(accepted: accepted, refused: refused))
    }

    mutating func fail(
        _ batch: [PushItem], _ failure: BackendFailure, using generator: inout some RandomNumberGenerator
    ) -> PushAction {
        lastFailure = failure
        consecutiveFailures += 1
        state = .waiting
        if failure.isTransient {
            return .wait(backoff.delay(afterFailures: consecutiveFailures, using: &generator))
        }
        guard case .status(let code, let detail) = failure else {
            return .wait(backoff.maximum)
        }
        switch code {
        case 413, 400, 422:
            if batch.count > 1 {
                batchLimit = max(1, batch.count / 2)
                return .wait(backoff.delay(afterFailures: 1, using: &generator))
            }
            if let first = batch.first {
                blocked = PushBlock(seq: first.seq, reason: "HTTP \(code)\(detail.isEmpty ? "" : ": \(detail)")")
            }
            return .wait(backoff.maximum)
        default:
            return .wait(backoff.maximum)
        }
    }

    private mutating func blockLine(at item: PushItem, reason: String, settling settlement: PushSettlement) -> PushAction {
        blocked = PushBlock(seq: item.seq, reason: reason)
        lastFailure = .status(code: 409, detail: "event \(item.seq): \(reason)")
        consecutiveFailures += 1
        batchLimit = 1
        if !settlement.accepted.isEmpty || !settlement.refused.isEmpty {
            state = .acknowledging
            return .settle(settlement)
        }
        state = .waiting
        return .wait(backoff.maximum)
    }
}
