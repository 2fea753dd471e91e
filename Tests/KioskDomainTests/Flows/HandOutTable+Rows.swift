import Foundation
@testable import KioskDomain

extension HandOutTable {
    /// Every allowed transition (33 state/event pairs, some with more than one data variant).
    var rows: [Row] {
        let a = slotA
        let late = Fixture.lateTime
        let withItemLeft: [FlowAction] = [
            .cancelDoorTimer(a), .notifyStaff(.itemLeftAfterPickup(code, a)), .alertCitizen(.resultStillInSlot(a)),
        ]
        return [
            row("load starts", value(in: .awaitingLoad), .loadStarted(slot: slotB),
                [.reserveSlot(slotB, for: .handOut(id)), .openSlot(slotB, purpose: .load), .startDoorTimer(slotB)]) {
                $0.state = .loading; $0.slot = slotB
            },
            row("withdrawn before loading", value(in: .awaitingLoad), .withdrawnByBackend, []) { $0.state = .cancelled },
            row("lock jams at loading", value(in: .loading), .unlockFailed(at: Fixture.t1),
                [.cancelDoorTimer(a), .releaseSlot(a), .notifyStaff(.lockJammed(a))]) {
                $0.state = .awaitingLoad; $0.slot = nil
            },
            row("loaded", value(in: .loading), .doorClosedWithItem(at: Fixture.t1),
                [.cancelDoorTimer(a), .emit(.resultLoaded, subject: subject)]) {
                $0.state = .readyForPickup; $0.loadedAt = Fixture.t1
                $0.holdUntil = Fixture.t1.addingTimeInterval(7 * 86_400)
            },
            row("closed empty at loading", value(in: .loading), .doorClosedEmpty(at: Fixture.t1), [.cancelDoorTimer(a)]) {
                $0.state = .awaitingLoad; $0.slot = nil
            },
            row("load door left open", value(in: .loading), .doorTimerExpired, incident(a, .doorLeftOpen)) {
                $0.state = .incident; $0.incidentCause = .doorLeftOpen
            },
            row("fault at loading", value(in: .loading), .fault(.doorForced),
                [.cancelDoorTimer(a)] + incident(a, .doorForced)) {
                $0.state = .incident; $0.incidentCause = .doorForced
            },
            row("fault when ready", value(in: .readyForPickup), .fault(.doorForced), incident(a, .doorForced)) {
                $0.state = .incident; $0.incidentCause = .doorForced
            },
            row("verified, nothing due", value(in: .readyForPickup), .codeVerified(feeDue: 0), openForPickup(a)) {
                $0.state = .handingOut
            },
            row("verified, fee due", value(in: .readyForPickup), .codeVerified(feeDue: 50_000),
                [.createPaymentRequest(handOut: id, amount: 50_000), .alertCitizen(.payFee(amount: 50_000))]) {
                $0.state = .awaitingPayment; $0.feeDue = 50_000
            },
            row("first wrong code", value(in: .readyForPickup), .codeWrong, [.alertCitizen(.wrongCode(triesRemaining: 4))]) {
                $0.wrongAttempts = 1
            },
            row("fifth wrong code locks", value(in: .readyForPickup, wrongAttempts: 4), .codeWrong,
                [.alertCitizen(.lockedForStaff), .notifyStaff(.lockedAfterWrongCodes(code))]) {
                $0.wrongAttempts = 5; $0.lockedForStaff = true
            },
            row("deadline passes", value(in: .readyForPickup), .deadlinePassed(at: late),
                [.notifyStaff(.recallNeeded(code, a))]) { $0.state = .overdue },
            row("recalled when ready", value(in: .readyForPickup), .recalledByStaff, recall(a)) {
                $0.state = .recalled; $0.slot = nil
            },
            row("unlocked when ready", value(in: .readyForPickup, wrongAttempts: 5, locked: true), .unlockedByStaff, []) {
                $0.wrongAttempts = 0; $0.lockedForStaff = false
            },
            row("withdrawn when ready", value(in: .readyForPickup), .withdrawnByBackend,
                [.notifyStaff(.recallNeeded(code, a))]) { $0.state = .cancelled },
            row("fault while paying", value(in: .awaitingPayment), .fault(.doorForced),
                [.cancelPaymentRequest(handOut: id)] + incident(a, .doorForced) + [.alertCitizen(.staffCalled)]) {
                $0.state = .incident; $0.incidentCause = .doorForced
            },
            row("payment confirmed", value(in: .awaitingPayment), .paymentConfirmed,
                [.emit(.paymentConfirmed, subject: subject)] + openForPickup(a)) {
                $0.state = .handingOut; $0.feeDue = 0
            },
            row("payment abandoned in time", value(in: .awaitingPayment), .paymentAbandoned(at: Fixture.t1), []) {
                $0.state = .readyForPickup
            },
            row("payment abandoned late", value(in: .awaitingPayment), .paymentAbandoned(at: late), []) {
                $0.state = .overdue
            },
            row("withdrawn while paying", value(in: .awaitingPayment), .withdrawnByBackend,
                [.cancelPaymentRequest(handOut: id), .notifyStaff(.recallNeeded(code, a))]) { $0.state = .cancelled },
            row("lock jams at pickup", value(in: .handingOut), .unlockFailed(at: Fixture.t1),
                [.cancelDoorTimer(a), .notifyStaff(.lockJammed(a)), .alertCitizen(.doorDidNotOpen(a))]) {
                $0.state = .readyForPickup
            },
            row("closed with item left", value(in: .handingOut), .doorClosedWithItem(at: Fixture.t1), withItemLeft) {
                $0.state = .readyForPickup
            },
            row("closed with item left, late", value(in: .handingOut), .doorClosedWithItem(at: late), withItemLeft) {
                $0.state = .overdue
            },
            row("handed out", value(in: .handingOut), .doorClosedEmpty(at: Fixture.t1),
                [.cancelDoorTimer(a), .emit(.resultHandedOut, subject: subject), .printHandOutSlip(handOut: id)]) {
                $0.state = .handedOut; $0.handedOutAt = Fixture.t1; $0.slot = nil
            },
            row("pickup door left open", value(in: .handingOut), .doorTimerExpired,
                incident(a, .doorLeftOpen) + [.alertCitizen(.staffCalled)]) {
                $0.state = .incident; $0.incidentCause = .doorLeftOpen
            },
            row("power lost at pickup", value(in: .handingOut), .fault(.powerLoss),
                [.cancelDoorTimer(a)] + incident(a, .powerLoss) + [.alertCitizen(.staffCalled)]) {
                $0.state = .incident; $0.incidentCause = .powerLoss
            },
            row("fault when overdue", value(in: .overdue), .fault(.doorForced), incident(a, .doorForced)) {
                $0.state = .incident; $0.incidentCause = .doorForced
            },
            row("verified when overdue", value(in: .overdue), .codeVerified(feeDue: 0), openForPickup(a)) {
                $0.state = .handingOut
            },
            row("wrong code when overdue", value(in: .overdue), .codeWrong, [.alertCitizen(.wrongCode(triesRemaining: 4))]) {
                $0.wrongAttempts = 1
            },
            row("recalled when overdue", value(in: .overdue), .recalledByStaff, recall(a)) {
                $0.state = .recalled; $0.slot = nil
            },
            row("unlocked when overdue", value(in: .overdue, wrongAttempts: 5, locked: true), .unlockedByStaff, []) {
                $0.wrongAttempts = 0; $0.lockedForStaff = false
            },
            row("withdrawn when overdue", value(in: .overdue), .withdrawnByBackend,
                [.notifyStaff(.recallNeeded(code, a))]) { $0.state = .cancelled },
            row("fault after withdrawal", value(in: .cancelled), .fault(.doorForced), incident(a, .doorForced)) {
                $0.state = .incident; $0.incidentCause = .doorForced
            },
            row("withdrawn item recalled", value(in: .cancelled), .recalledByStaff, recall(a)) {
                $0.state = .recalled; $0.slot = nil
            },
            row("incident recalled", value(in: .incident), .recalledByStaff, recall(a)) {
                $0.state = .recalled; $0.slot = nil
            },
            row("incident cleared in time", value(in: .incident), .incidentCleared(at: Fixture.t1), []) {
                $0.state = .readyForPickup
            },
            row("incident cleared late", value(in: .incident), .incidentCleared(at: late), []) {
                $0.state = .overdue
            },
        ]
    }
}
