import Foundation

/// Why a hand-out refused an event; the hand-out is left unchanged.
public enum HandOutRefusal: Error, Hashable, Sendable {
    /// This kind of event is not allowed in this state.
    case notAllowed(state: HandOutState, event: HandOutEvent.Kind)
    /// Too many wrong codes: every pickup attempt is refused until staff unlock.
    case lockedForStaff
    /// The result must be received in person at the counter; the kiosk never releases it.
    case inPersonOnly
    /// The holding period has not ended yet (`holdUntil`).
    case deadlineNotReached(holdUntil: Date)
    /// A fee below zero was given (whole VND, must be ≥ 0).
    case invalidFee(Int)
    /// Staff asked to unlock a hand-out that is not locked.
    case notLocked
    /// An incident can be cleared back to pickup only for a result that was loaded and reported.
    case neverLoaded
}
