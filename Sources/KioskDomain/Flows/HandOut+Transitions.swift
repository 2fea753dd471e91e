import Foundation

/// The hand-out state machine's entry point and the steps shared by loading and pickup.
///
/// Allowed (state, event) pairs, everything else is refused with `.notAllowed`:
/// - `awaitingLoad`: loadStarted → loading; withdrawnByBackend → cancelled.
/// - `loading`: doorClosedWithItem → readyForPickup; doorClosedEmpty / unlockFailed → awaitingLoad;
///   doorTimerExpired / fault → incident. (A withdrawal waits until the door outcome is known.)
/// - `readyForPickup` and `overdue`: codeVerified → handingOut, or awaitingPayment when a fee is
///   due; codeWrong (stays, locks at the limit); unlockedByStaff; recalledByStaff → recalled;
///   withdrawnByBackend → cancelled (a recall task); fault → incident; and for `readyForPickup`
///   only, deadlinePassed → overdue.
/// - `awaitingPayment`: paymentConfirmed → handingOut; paymentAbandoned → readyForPickup or
///   overdue; withdrawnByBackend → cancelled; fault → incident.
/// - `handingOut`: doorClosedEmpty → handedOut (the only way there); doorClosedWithItem /
///   unlockFailed → readyForPickup or overdue with an alert; doorTimerExpired / fault → incident.
/// - `cancelled` with the result still in a slot: recalledByStaff → recalled; fault → incident.
/// - `incident`: recalledByStaff → recalled; incidentCleared → readyForPickup or overdue.
/// - `handedOut`, `recalled`, `cancelled` without a slot: nothing.
extension HandOut {
    /// Applies `event` and returns what the shell must do (always a journal entry first).
    /// - Throws: `HandOutRefusal` naming why the event is not allowed; the hand-out is then
    ///   unchanged.
    public mutating func handle(_ event: HandOutEvent) throws(HandOutRefusal) -> [FlowAction] {
        var next = self
        let actions = try next.apply(event)
        self = next
        return actions
    }

    private mutating func apply(_ event: HandOutEvent) throws(HandOutRefusal) -> [FlowAction] {
        let journal = FlowAction.journal(kind: "handOut." + event.kind.rawValue, subject: dossierCode.rawValue)
        let actions: [FlowAction]
        switch event {
        case .loadStarted(let slot): actions = try startLoad(into: slot)
        case .unlockFailed(let at): actions = try unlockFailed(at: at)
        case .doorClosedWithItem(let at): actions = try doorClosedWithItem(at: at)
        case .doorClosedEmpty(let at): actions = try doorClosedEmpty(at: at)
        case .doorTimerExpired:
            guard state == .loading || state == .handingOut else { throw refusal(event.kind) }
            actions = enterIncident(.doorLeftOpen)
        case .fault(let cause):
            guard Self.faultableStates.contains(state), slot != nil else { throw refusal(event.kind) }
            actions = enterIncident(cause)
        case .codeVerified(let fee): actions = try verifyCode(feeDue: fee)
        case .codeWrong: actions = try recordWrongCode()
        case .paymentConfirmed: actions = try confirmPayment()
        case .paymentAbandoned(let at):
            guard state == .awaitingPayment else { throw refusal(event.kind) }
            resumeWaiting(at: at)
            actions = []
        case .deadlinePassed(let at): actions = try passDeadline(at: at)
        case .recalledByStaff: actions = try recall()
        case .unlockedByStaff: actions = try unlock()
        case .withdrawnByBackend: actions = try withdraw()
        case .incidentCleared(let at):
            guard state == .incident, slot != nil else { throw refusal(event.kind) }
            guard loadedAt != nil else { throw .neverLoaded }
            resumeWaiting(at: at)
            actions = []
        }
        return [journal] + actions
    }

    /// States in which a fault at the hand-out's slot turns it into an incident (the result is in,
    /// or going into, a slot).
    static let faultableStates: Set<HandOutState> = [
        .loading, .readyForPickup, .awaitingPayment, .handingOut, .overdue, .cancelled,
    ]

    func refusal(_ kind: HandOutEvent.Kind) -> HandOutRefusal {
        .notAllowed(state: state, event: kind)
    }

    /// Back to waiting for the citizen: `overdue` when `at` is past `holdUntil`, else
    /// `readyForPickup`.
    mutating func resumeWaiting(at: Date) {
        if let holdUntil, holdingPolicy.isPast(deadline: holdUntil, at: at) {
            state = .overdue
        } else {
            state = .readyForPickup
        }
    }

    /// Enters `incident` for `cause`: the backend hears `SU_CO`, staff are called, a citizen at
    /// the screen is told, an open payment is cancelled and a running door timer is stopped.
    mutating func enterIncident(_ cause: IncidentCause) -> [FlowAction] {
        var actions: [FlowAction] = []
        if let slot, state == .loading || state == .handingOut, cause != .doorLeftOpen {
            actions.append(.cancelDoorTimer(slot))
        }
        if state == .awaitingPayment {
            actions.append(.cancelPaymentRequest(handOut: id))
        }
        actions.append(.emit(.incident, subject: dossierCode.rawValue))
        actions.append(.notifyStaff(.handOutIncident(dossierCode, slot, cause)))
        if state == .handingOut || state == .awaitingPayment {
            actions.append(.alertCitizen(.staffCalled))
        }
        state = .incident
        incidentCause = cause
        return actions
    }

    private mutating func recall() throws(HandOutRefusal) -> [FlowAction] {
        let recallable: Set<HandOutState> = [.readyForPickup, .overdue, .cancelled, .incident]
        guard recallable.contains(state), let slot else { throw refusal(.recalledByStaff) }
        state = .recalled
        self.slot = nil
        return [.openSlot(slot, purpose: .recall), .emit(.resultRecalled, subject: dossierCode.rawValue)]
    }

    private mutating func withdraw() throws(HandOutRefusal) -> [FlowAction] {
        switch state {
        case .awaitingLoad:
            state = .cancelled
            return []
        case .readyForPickup, .overdue, .awaitingPayment:
            guard let slot else { throw refusal(.withdrawnByBackend) }
            let cancelPayment: [FlowAction] = state == .awaitingPayment ? [.cancelPaymentRequest(handOut: id)] : []
            state = .cancelled
            return cancelPayment + [.notifyStaff(.recallNeeded(dossierCode, slot))]
        default:
            throw refusal(.withdrawnByBackend)
        }
    }
}
