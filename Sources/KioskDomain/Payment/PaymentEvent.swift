import Foundation

/// Something that happened to a payment request. Times are passed in; none is read.
public enum PaymentEvent: Hashable, Sendable {
    /// The VietQR was shown on screen at `at` (refused once expired).
    case qrShown(at: Date)
    /// The backend confirmed a payment of `amount` whole VND at `at` (must equal the request).
    case confirmedByBackend(amount: Int, at: Date)
    /// The expiry timer fired at `at` (refused before `expiresAt`).
    case expired(at: Date)
    /// The citizen cancelled, or the hand-out no longer needs the payment.
    case cancelled
    /// The backend reported the payment refunded at `at`.
    case refunded(at: Date)

    /// The kind of event, without its data; raw values appear in journal kinds.
    public enum Kind: String, CaseIterable, Sendable {
        case qrShown, confirmedByBackend, expired, cancelled, refunded
    }

    /// This event's kind.
    public var kind: Kind {
        switch self {
        case .qrShown: .qrShown
        case .confirmedByBackend: .confirmedByBackend
        case .expired: .expired
        case .cancelled: .cancelled
        case .refunded: .refunded
        }
    }
}
