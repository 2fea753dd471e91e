import Foundation
import KioskDomain

/// A dossier's status as the backend reports it to a citizen who looked it up.
public struct DossierStatusAnswer: Sendable, Equatable {
    /// `MaHoSo`.
    public var code: String
    /// `TenTTHC`.
    public var procedureName: String
    /// `TrangThaiHoSo`.
    public var status: NationalStatus
    /// `NgayHenTra`.
    public var appointmentAt: Date
    /// `NgayTra`, once returned.
    public var returnedAt: Date?
    /// Fees still due, whole VND.
    public var feesDue: Int64
    /// Where to collect the result (`NoiNhanKetQua`).
    public var collectionPlace: String
}

/// A VietQR payment request as the backend reports it.
public struct PaymentAnswer: Sendable, Equatable {
    /// Where the payment stands.
    public enum State: String, Sendable, Equatable {
        case waiting, paid, expired, cancelled
    }

    /// `MaYeuCau`.
    public var id: String
    /// `MaHoSo`.
    public var dossierCode: String
    /// Amount, whole VND.
    public var amount: Int64
    /// The EMVCo payload to show as QR.
    public var qrPayload: String
    /// The reference in the transfer note.
    public var reference: String
    /// When the QR stops being valid.
    public var expiresAt: Date
    /// State.
    public var state: State
    /// When the backend confirmed payment.
    public var paidAt: Date?
}
