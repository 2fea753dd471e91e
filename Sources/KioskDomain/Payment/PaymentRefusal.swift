import Foundation

/// Why a payment request refused an event or could not be created; it is left unchanged.
public enum PaymentRefusal: Error, Hashable, Sendable {
    /// This kind of event is not allowed in this state (a confirmation arriving after the request
    /// was cancelled is refused here and must be raised to staff by the shell).
    case notAllowed(state: PaymentState, event: PaymentEvent.Kind)
    /// The backend confirmed a different amount (whole VND) than requested.
    case amountMismatch(expected: Int, received: Int)
    /// The QR would be shown after it expired.
    case alreadyExpired(expiresAt: Date)
    /// The expiry fired before `expiresAt`.
    case notYetExpired(expiresAt: Date)
    /// An amount of zero or less (whole VND; must be > 0).
    case invalidAmount(Int)
    /// A reference that is not 1–25 characters of `[A-Z0-9 .-]`.
    case invalidReference
}
