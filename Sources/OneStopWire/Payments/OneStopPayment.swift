import Foundation

/// A payment request and its state (`YeuCauThanhToan`).
public struct OneStopPayment: Codable, Sendable, Equatable {
    /// `TrangThai`.
    public enum State: String, Codable, Sendable, CaseIterable {
        /// Waiting for the bank's confirmation.
        case waiting = "CHO_THANH_TOAN"
        /// Confirmed paid.
        case paid = "DA_THANH_TOAN"
        /// Expired unpaid.
        case expired = "HET_HAN"
        /// Cancelled.
        case cancelled = "HUY"

        /// Whether the state can still change.
        public var isFinal: Bool { self != .waiting }
    }

    /// `MaYeuCau`.
    public var id: String
    /// `MaHoSo`.
    public var dossierCode: String
    /// `SoTien`: VND.
    public var amount: Int64
    /// `NoiDungQR`: the VietQR payload to show.
    public var qrPayload: String
    /// `MaThamChieu`: the reference in the transfer note.
    public var reference: String
    /// `HetHan`.
    public var expiresAt: Date
    /// `TrangThai`.
    public var state: State
    /// `ThoiDiemThanhToan`, once paid.
    public var paidAt: Date?

    /// A payment request.
    public init(
        id: String, dossierCode: String, amount: Int64, qrPayload: String, reference: String, expiresAt: Date,
        state: State, paidAt: Date? = nil
    ) {
        self.id = id
        self.dossierCode = dossierCode
        self.amount = amount
        self.qrPayload = qrPayload
        self.reference = reference
        self.expiresAt = expiresAt
        self.state = state
        self.paidAt = paidAt
    }

    enum CodingKeys: String, CodingKey {
        case id = "MaYeuCau"
        case dossierCode = "MaHoSo"
        case amount = "SoTien"
        case qrPayload = "NoiDungQR"
        case reference = "MaThamChieu"
        case expiresAt = "HetHan"
        case state = "TrangThai"
        case paidAt = "ThoiDiemThanhToan"
    }
}
