import Foundation

/// The hand-in state machine: `started → awaitingDrop → dropped → collected`, `cancelled` on
/// cancel, timeout or fault.
///
/// Allowed (state, event) pairs, everything else is refused:
/// - `started`: slotAssigned → awaitingDrop; cancelledByCitizen → cancelled.
/// - `awaitingDrop`: doorClosedWithItem → dropped (receipt, `NOP_HO_SO`); unlockFailed → started
///   (slot released, another slot may be tried); doorClosedEmpty → awaitingDrop with the door
///   reopened the first time, → cancelled the second time; doorTimerExpired / fault → cancelled
///   with staff called (papers may be inside; the slot is kept on the record).
/// - `dropped`: collectedByStaff → collected.
/// - `collected`, `cancelled`: nothing.
extension HandIn {
    /// Applies `event` and returns what the shell must do (always a journal entry first).
    /// - Throws: `HandInRefusal.notAllowed` when the event does not apply; the drop is then
    ///   unchanged.
    public mutating func handle(_ event: HandInEvent) throws(HandInRefusal) -> [FlowAction] {
        var next = self
        let actions = try next.apply(event)
        self = next
        return actions
    }

    private mutating func apply(_ event: HandInEvent) throws(HandInRefusal) -> [FlowAction] {
        let refusal = HandInRefusal.notAllowed(state: state, event: event.kind)
        let journal = FlowAction.journal(kind: "handIn." + event.kind.rawValue, subject: subject)
        switch (state, event) {
        case (.started, .slotAssigned(let newSlot)):
            state = .awaitingDrop
            slot = newSlot
            emptyCloses = 0
            return [journal, .reserveSlot(newSlot, for: .handIn(id))] + openForDrop(newSlot)

        case (.started, .cancelledByCitizen):
            state = .cancelled
            return [journal]

        case (.awaitingDrop, .unlockFailed):
            guard let current = slot else { throw refusal }
            state = .started
            slot = nil
            return [
                journal, .cancelDoorTimer(current), .releaseSlot(current),
                .notifyStaff(.lockJammed(current)), .alertCitizen(.doorDidNotOpen(current)),
            ]

        case (.awaitingDrop, .doorClosedWithItem(let at)):
            guard let current = slot else { throw refusal }
            state = .dropped
            droppedAt = at
            return [
                journal, .cancelDoorTimer(current), .printHandInReceipt(handIn: id),
                .emit(.dossierHandedIn, subject: subject),
            ]

        case (.awaitingDrop, .doorClosedEmpty):
            guard let current = slot else { throw refusal }
            emptyCloses += 1
            let reopen = emptyCloses <= Self.reopensAfterEmptyClose
            let notice = FlowAction.alertCitizen(.noPapersDetected(current, willReopen: reopen))
            guard reopen else {
                state = .cancelled
                slot = nil
                return [journal, .cancelDoorTimer(current), notice]
            }
            // The slot freed itself when its door closed empty: reserve it again, then reopen.
            return [journal, .cancelDoorTimer(current), notice, .reserveSlot(current, for: .handIn(id))]
                + openForDrop(current)

        case (.awaitingDrop, .doorTimerExpired):
            guard let current = slot else { throw refusal }
            return [journal] + cancelForIncident(.doorLeftOpen, slot: current, timerRunning: false)

        case (.awaitingDrop, .fault(let cause)):
            guard let current = slot else { throw refusal }
            return [journal] + cancelForIncident(cause, slot: current, timerRunning: true)

        case (.dropped, .collectedByStaff(let at)):
            guard let current = slot else { throw refusal }
            state = .collected
            collectedAt = at
            slot = nil
            return [journal, .openSlot(current, purpose: .collect), .emit(.dropsCollected, subject: subject)]

        default:
            throw refusal
        }
    }

    private func openForDrop(_ target: SlotID) -> [FlowAction] {
        [
            .openSlot(target, purpose: .handIn), .startDoorTimer(target),
            .alertCitizen(.putPapersAndCloseDoor(target)),
        ]
    }

    private mutating func cancelForIncident(
        _ cause: IncidentCause, slot current: SlotID, timerRunning: Bool
    ) -> [FlowAction] {
        state = .cancelled
        incidentCause = cause
        let timer: [FlowAction] = timerRunning ? [.cancelDoorTimer(current)] : []
        return timer + [
            .emit(.incident, subject: subject),
            .notifyStaff(.handInIncident(id, current, cause)),
            .alertCitizen(.staffCalled),
        ]
    }
}
