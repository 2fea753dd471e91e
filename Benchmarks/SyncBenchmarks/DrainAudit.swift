import KioskStore
import OneStopSim

/// What a drain must leave behind: the simulator's applied log equal to the kiosk's outbox, event
/// for event — same count, same sequence numbers in the same order, same event ids, none twice,
/// all accepted, applied in sequence order — and the outbox wholly acknowledged. A pure comparison;
/// the rig reads both sides.
struct DrainAudit {
    /// How many events the benchmark committed before the drain.
    var committed: Int
    /// The kiosk's whole outbox after the drain, in sequence order.
    var outbox: [OutboxEvent]
    /// The simulator's applied log for the kiosk, in sequence order.
    var applied: [EventLogEntry]

    /// The discrepancies found, at most `limit` of them, each one line naming the event; empty
    /// when the applied log is exactly the outbox.
    func problems(limit: Int = 8) -> [String] {
        var found: [String] = []
        func note(_ problem: String) -> Bool {
            found.append(problem)
            return found.count < limit
        }
        if outbox.count != committed {
            _ = note("the kiosk's outbox holds \(outbox.count) events, \(committed) were committed")
        }
        if applied.count != outbox.count {
            _ = note("the simulator applied \(applied.count) events, the kiosk's outbox holds \(outbox.count)")
        }
        let distinctIDs = Set(applied.map(\.eventID)).count
        if distinctIDs != applied.count {
            _ = note("the simulator's log holds \(applied.count - distinctIDs) duplicate event ids")
        }
        for (index, event) in outbox.enumerated() {
            if event.seq != Int64(index + 1), !note("outbox position \(index + 1) holds seq \(event.seq) (a gap or repeat)") {
                return found
            }
            if event.state != .acknowledged, !note("outbox seq \(event.seq) is \(event.state.rawValue), not acknowledged") {
                return found
            }
        }
        for (index, (event, entry)) in zip(outbox, applied).enumerated() {
            let id = event.eventId.uuidString.lowercased()
            if entry.seq != event.seq || entry.eventID != id {
                guard note("log position \(index + 1): simulator seq \(entry.seq) id \(entry.eventID), kiosk seq \(event.seq) id \(id)")
                else { return found }
            }
            if entry.outcome != "accepted", !note("seq \(entry.seq) was not accepted: \(entry.outcome)") {
                return found
            }
            if index > 0, entry.receivedAt < applied[index - 1].receivedAt {
                guard note("seq \(entry.seq) was applied at \(entry.receivedAt), before seq \(applied[index - 1].seq) at \(applied[index - 1].receivedAt)")
                else { return found }
            }
        }
        return found
    }
}
