import Foundation
@testable import KioskDomain

/// The hand-out transition table as test data: one representative value per state, one sample
/// event per kind, and every allowed transition with its exact resulting value and actions.
struct HandOutTable {
    struct Row {
        let name: String
        let given: HandOut
        let event: HandOutEvent
        let expected: HandOut
        let actions: [FlowAction]
    }

    let code: DossierCode
    let id = Fixture.uuid(1)
    let slotA: SlotID
    let slotB: SlotID
    let holdUntil = Fixture.t0.addingTimeInterval(7 * 86_400)

    init() throws {
        code = try Fixture.dossierCode()
        slotA = try Fixture.slotID("A-01")
        slotB = try Fixture.slotID("B-02")
    }

    /// A typical hand-out in `state`: loaded ones at `t0` into A-01; `cancelled` still holds its item.
    func value(in state: HandOutState, wrongAttempts: Int = 0, locked: Bool = false, feeDue: Int = 0) -> HandOut {
        let loaded = ![.awaitingLoad, .loading].contains(state)
        let inSlot = ![.awaitingLoad, .handedOut, .recalled].contains(state)
        return HandOut(
            restoring: id, dossierCode: code, inPersonOnly: false, holdingPolicy: .standard,
            attemptPolicy: .standard, state: state, slot: inSlot ? slotA : nil,
            feeDue: state == .awaitingPayment ? 50_000 : feeDue, wrongAttempts: wrongAttempts,
            lockedForStaff: locked, loadedAt: loaded ? Fixture.t0 : nil, holdUntil: loaded ? holdUntil : nil,
            handedOutAt: state == .handedOut ? Fixture.t1 : nil,
            incidentCause: state == .incident ? .doorForced : nil)
    }

    func event(_ kind: HandOutEvent.Kind) -> HandOutEvent {
        switch kind {
        case .loadStarted: .loadStarted(slot: slotB)
        case .unlockFailed: .unlockFailed(at: Fixture.t1)
        case .doorClosedWithItem: .doorClosedWithItem(at: Fixture.t1)
        case .doorClosedEmpty: .doorClosedEmpty(at: Fixture.t1)
        case .doorTimerExpired: .doorTimerExpired
        case .fault: .fault(.doorForced)
        case .codeVerified: .codeVerified(feeDue: 0)
        case .codeWrong: .codeWrong
        case .paymentConfirmed: .paymentConfirmed
        case .paymentAbandoned: .paymentAbandoned(at: Fixture.t1)
        case .deadlinePassed: .deadlinePassed(at: Fixture.lateTime)
        case .recalledByStaff: .recalledByStaff
        case .unlockedByStaff: .unlockedByStaff
        case .withdrawnByBackend: .withdrawnByBackend
        case .incidentCleared: .incidentCleared(at: Fixture.t1)
        }
    }

    func row(
        _ name: String, _ given: HandOut, _ event: HandOutEvent, _ actions: [FlowAction],
        _ change: (inout HandOut) -> Void
    ) -> Row {
        var expected = given
        change(&expected)
        let journal = FlowAction.journal(kind: "handOut." + event.kind.rawValue, subject: code.rawValue)
        return Row(name: name, given: given, event: event, expected: expected, actions: [journal] + actions)
    }

    var subject: String { code.rawValue }

    func incident(_ slot: SlotID, _ cause: IncidentCause) -> [FlowAction] {
        [.emit(.incident, subject: subject), .notifyStaff(.handOutIncident(code, slot, cause))]
    }

    func openForPickup(_ slot: SlotID) -> [FlowAction] {
        [.openSlot(slot, purpose: .pickup), .startDoorTimer(slot), .alertCitizen(.takeResultAndCloseDoor(slot))]
    }

    func recall(_ slot: SlotID) -> [FlowAction] {
        [.openSlot(slot, purpose: .recall), .emit(.resultRecalled, subject: subject)]
    }
}
