import Foundation

/// An event the backend did not accept (an item of `TuChoi`).
public struct OneStopRejectedEvent: Codable, Sendable, Equatable {
    /// Why (`LyDo`).
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// A gap before it: resend from `SoThuTuCuoi + 1` (retryable).
        case sequenceGap = "THIEU_SO_THU_TU"
        /// Its sequence number or id was consumed by another event (not retryable).
        case sequenceConflict = "SO_THU_TU_XUNG_DOT"
        /// The dossier is unknown (not retryable).
        case unknownDossier = "HO_SO_KHONG_TON_TAI"
        /// `DuLieu` or `MaHoSo` missing or malformed (not retryable).
        case invalidDetails = "DU_LIEU_KHONG_HOP_LE"
        /// The dossier's state does not allow it (not retryable).
        case wrongState = "SAI_TRANG_THAI"
    }

    /// `MaSuKien`.
    public var id: UUID
    /// `SoThuTu`.
    public var seq: Int64
    /// `LyDo`.
    public var reason: Reason
    /// `ThuLai`: whether sending it again later can succeed.
    public var retryable: Bool
    /// `ChiTiet`: an English sentence for technicians.
    public var detail: String

    /// A rejection.
    public init(id: UUID, seq: Int64, reason: Reason, retryable: Bool, detail: String) {
        self.id = id
        self.seq = seq
        self.reason = reason
        self.retryable = retryable
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case id = "MaSuKien"
        case seq = "SoThuTu"
        case reason = "LyDo"
        case retryable = "ThuLai"
        case detail = "ChiTiet"
    }
}
