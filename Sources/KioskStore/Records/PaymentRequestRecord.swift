import Foundation
import GRDB
import KioskDomain

/// A row of `payment_request`: a fee to pay by VietQR; paid only when the backend confirms.
public struct PaymentRequestRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "payment_request"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }

    /// Request id (`MaYeuCau`).
    public var id: UUID
    /// The dossier the fee belongs to.
    public var dossierCode: DossierCode
    /// Amount, whole VND (> 0).
    public var amount: Int
    /// Reference carried in the transfer note (`[A-Z0-9 .-]`, ≤ 25 characters).
    public var reference: String
    /// The EMVCo payload shown as QR.
    public var qrPayload: String?
    /// Recorded state.
    public var state: PaymentState
    /// When the QR stops being valid.
    public var expiresAt: Date
    /// Created.
    public var createdAt: Date
    /// When the backend confirmed payment.
    public var paidAt: Date?
    /// When the fee was refunded.
    public var refundedAt: Date?

    /// A new, unpaid request.
    public init(id: UUID, dossierCode: DossierCode, amount: Int, reference: String, expiresAt: Date, createdAt: Date) {
        self.id = id
        self.dossierCode = dossierCode
        self.amount = amount
        self.reference = reference
        self.qrPayload = nil
        self.state = .unpaid
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.paidAt = nil
        self.refundedAt = nil
    }
}
