import Foundation

/// The citizen's side: authentication, wrong codes and the lock, fees, the holding deadline and
/// the staff unlock.
extension HandOut {
    mutating func verifyCode(feeDue fee: Int) throws(HandOutRefusal) -> [FlowAction] {
        guard state == .readyForPickup || state == .overdue, let current = slot else {
            throw refusal(.codeVerified)
        }
        guard !inPersonOnly else { throw .inPersonOnly }
        guard !lockedForStaff else { throw .lockedForStaff }
        guard fee >= 0 else { throw .invalidFee(fee) }
        feeDue = fee
        if fee > 0 {
            state = .awaitingPayment
            return [.createPaymentRequest(handOut: id, amount: fee), .alertCitizen(.payFee(amount: fee))]
        }
        state = .handingOut
        return openForPickup(current)
    }

    mutating func recordWrongCode() throws(HandOutRefusal) -> [FlowAction] {
        guard state == .readyForPickup || state == .overdue else { throw refusal(.codeWrong) }
        guard !inPersonOnly else { throw .inPersonOnly }
        guard !lockedForStaff else { throw .lockedForStaff }
        wrongAttempts += 1
        if attemptPolicy.locksForStaff(afterWrongCodes: wrongAttempts) {
            lockedForStaff = true
            return [.alertCitizen(.lockedForStaff), .notifyStaff(.lockedAfterWrongCodes(dossierCode))]
        }
        return [.alertCitizen(.wrongCode(triesRemaining: attemptPolicy.triesRemaining(afterWrongCodes: wrongAttempts)))]
    }

    mutating func confirmPayment() throws(HandOutRefusal) -> [FlowAction] {
        guard state == .awaitingPayment, let current = slot else { throw refusal(.paymentConfirmed) }
        feeDue = 0
        state = .handingOut
        return [.emit(.paymentConfirmed, subject: dossierCode.rawValue)] + openForPickup(current)
    }

    mutating func passDeadline(at: Date) throws(HandOutRefusal) -> [FlowAction] {
        guard state == .readyForPickup, let holdUntil, let current = slot else {
            throw refusal(.deadlinePassed)
        }
        guard holdingPolicy.isPast(deadline: holdUntil, at: at) else {
            throw .deadlineNotReached(holdUntil: holdUntil)
        }
        state = .overdue
        return [.notifyStaff(.recallNeeded(dossierCode, current))]
    }

    mutating func unlock() throws(HandOutRefusal) -> [FlowAction] {
        guard state == .readyForPickup || state == .overdue else { throw refusal(.unlockedByStaff) }
        guard lockedForStaff else { throw .notLocked }
        lockedForStaff = false
        wrongAttempts = 0
        return []
    }

    private func openForPickup(_ current: SlotID) -> [FlowAction] {
        [
            .openSlot(current, purpose: .pickup), .startDoorTimer(current),
            .alertCitizen(.takeResultAndCloseDoor(current)),
        ]
    }
}
