import Foundation

/// A fee to be paid by VietQR before a result is released (`YeuCauThanhToan`). Paid only when the
/// backend confirms the exact amount; a QR only pre-fills a bank transfer. A value-type state
/// machine: change it only through `handle(_:)` (see `PaymentRequest+Transitions.swift`).
public struct PaymentRequest: Hashable, Sendable {
    /// The longest transfer-note reference (VietQR tag 62-08), characters.
    public static let maximumReferenceLength = 25

    /// Request id (`MaYeuCau`).
    public let id: UUID
    /// The dossier the fee belongs to.
    public let dossierCode: DossierCode
    /// Amount, whole VND, > 0.
    public let amount: Int
    /// Reference carried in the transfer note: 1–25 characters of `[A-Z0-9 .-]`.
    public let reference: String
    /// When the QR stops being valid (the screen counts down to it, default 10 minutes).
    public let expiresAt: Date

    /// Recorded state.
    public internal(set) var state: PaymentState
    /// When the backend confirmed payment.
    public internal(set) var paidAt: Date?
    /// When the payment was refunded.
    public internal(set) var refundedAt: Date?

    /// A new, unpaid request (`CHUA_THANH_TOAN`).
    /// - Throws: `PaymentRefusal.invalidAmount` unless `amount` > 0, `.invalidReference` unless
    ///   the reference is 1–25 characters of `[A-Z0-9 .-]`.
    public init(
        id: UUID, dossierCode: DossierCode, amount: Int, reference: String, expiresAt: Date
    ) throws(PaymentRefusal) {
        try self.init(
            restoring: id, dossierCode: dossierCode, amount: amount, reference: reference,
            expiresAt: expiresAt, state: .unpaid, paidAt: nil, refundedAt: nil)
    }

    /// A request as last recorded (for the store and for tests), validated like a new one.
    /// - Throws: `PaymentRefusal.invalidAmount` or `.invalidReference`.
    public init(
        restoring id: UUID, dossierCode: DossierCode, amount: Int, reference: String,
        expiresAt: Date, state: PaymentState, paidAt: Date?, refundedAt: Date?
    ) throws(PaymentRefusal) {
        guard amount > 0 else { throw .invalidAmount(amount) }
        guard Self.isValidReference(reference) else { throw .invalidReference }
        self.id = id
        self.dossierCode = dossierCode
        self.amount = amount
        self.reference = reference
        self.expiresAt = expiresAt
        self.state = state
        self.paidAt = paidAt
        self.refundedAt = refundedAt
    }

    /// Whether `text` may be a transfer-note reference: 1–25 characters of `A–Z`, `0–9`, space,
    /// `.` and `-`.
    public static func isValidReference(_ text: String) -> Bool {
        guard (1...maximumReferenceLength).contains(text.count) else { return false }
        return text.allSatisfy { $0.isASCIIUppercaseLetter || $0.isASCIIDigit || $0 == " " || $0 == "." || $0 == "-" }
    }
}
