import Foundation

/// A dossier's status as a citizen may see it.
public struct OneStopStatusResult: Codable, Sendable, Equatable {
    /// `MaHoSo`.
    public var dossierCode: String
    /// `MaTTHC`.
    public var procedureCode: String
    /// `TenTTHC`.
    public var procedureName: String
    /// `TrangThaiHoSo`.
    public var status: OneStopDossierStatus
    /// `TenTrangThai`: the Vietnamese label.
    public var statusLabel: String
    /// `NgayTiepNhan`.
    public var receivedAt: Date
    /// `NgayHenTra`.
    public var appointmentAt: Date
    /// `NgayTra`, once handed out.
    public var returnedAt: Date?
    /// `PhiConNo`: fees still due, VND.
    public var feesDue: Int64
    /// `NoiNhanKetQua`: where to collect, in Vietnamese.
    public var collectionPlace: String

    /// A status answer.
    public init(
        dossierCode: String, procedureCode: String, procedureName: String, status: OneStopDossierStatus,
        statusLabel: String, receivedAt: Date, appointmentAt: Date, returnedAt: Date? = nil, feesDue: Int64,
        collectionPlace: String
    ) {
        self.dossierCode = dossierCode
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.status = status
        self.statusLabel = statusLabel
        self.receivedAt = receivedAt
        self.appointmentAt = appointmentAt
        self.returnedAt = returnedAt
        self.feesDue = feesDue
        self.collectionPlace = collectionPlace
    }

    enum CodingKeys: String, CodingKey {
        case dossierCode = "MaHoSo"
        case procedureCode = "MaTTHC"
        case procedureName = "TenTTHC"
        case status = "TrangThaiHoSo"
        case statusLabel = "TenTrangThai"
        case receivedAt = "NgayTiepNhan"
        case appointmentAt = "NgayHenTra"
        case returnedAt = "NgayTra"
        case feesDue = "PhiConNo"
        case collectionPlace = "NoiNhanKetQua"
    }
}
