import Foundation

/// Something that happened to a hand-out: a staff or citizen step, a door outcome reported by the
/// slot it uses, a timer, or a message from the backend. Times are passed in; none is read.
public enum HandOutEvent: Hashable, Sendable {
    /// Staff scanned the envelope; the kiosk chose `slot` (by `SlotAssignmentPolicy`) to load into.
    case loadStarted(slot: SlotID)
    /// The lock board did not confirm the unlock of the hand-out's slot at `at` (door never opened).
    case unlockFailed(at: Date)
    /// The slot's door closed with the item sensor reporting the result inside.
    case doorClosedWithItem(at: Date)
    /// The slot's door closed with the item sensor reporting the slot empty.
    case doorClosedEmpty(at: Date)
    /// The door timer ran out with the door still open (60 s).
    case doorTimerExpired
    /// A forced door, a sensor disagreement, power loss or a silent board at this hand-out's slot.
    case fault(IncidentCause)
    /// The citizen proved the dossier is theirs; `feeDue` is the current fee, whole VND, ≥ 0.
    case codeVerified(feeDue: Int)
    /// The citizen entered a wrong pickup code.
    case codeWrong
    /// The backend confirmed the fee paid.
    case paymentConfirmed
    /// The payment request expired or was cancelled without payment, at `at`.
    case paymentAbandoned(at: Date)
    /// The holding-period timer fired at `at` (refused before `holdUntil`).
    case deadlinePassed(at: Date)
    /// Staff took (or are taking) the result back to the counter (`THU_HOI`).
    case recalledByStaff
    /// Staff released the wrong-code lock.
    case unlockedByStaff
    /// The backend withdrew or redirected the dossier (status 7/8, or another channel).
    case withdrawnByBackend
    /// Staff checked an incident and found the loaded result intact at `at`.
    case incidentCleared(at: Date)

    /// The kind of event, without its data; raw values appear in journal kinds.
    public enum Kind: String, CaseIterable, Sendable {
        case loadStarted, unlockFailed, doorClosedWithItem, doorClosedEmpty, doorTimerExpired
        case fault, codeVerified, codeWrong, paymentConfirmed, paymentAbandoned, deadlinePassed
        case recalledByStaff, unlockedByStaff, withdrawnByBackend, incidentCleared
    }

    /// This event's kind.
    public var kind: Kind {
        switch self {
        case .loadStarted: .loadStarted
        case .unlockFailed: .unlockFailed
        case .doorClosedWithItem: .doorClosedWithItem
        case .doorClosedEmpty: .doorClosedEmpty
        case .doorTimerExpired: .doorTimerExpired
        case .fault: .fault
        case .codeVerified: .codeVerified
        case .codeWrong: .codeWrong
        case .paymentConfirmed: .paymentConfirmed
        case .paymentAbandoned: .paymentAbandoned
        case .deadlinePassed: .deadlinePassed
        case .recalledByStaff: .recalledByStaff
        case .unlockedByStaff: .unlockedByStaff
        case .withdrawnByBackend: .withdrawnByBackend
        case .incidentCleared: .incidentCleared
        }
    }
}
