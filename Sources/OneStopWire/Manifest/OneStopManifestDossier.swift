import Foundation

/// A dossier whose result is to be returned through this kiosk (an item of the manifest's `DanhSach`).
public struct OneStopManifestDossier: Codable, Sendable, Equatable {
    /// `MaHoSo`.
    public var dossierCode: String
    /// `MaTTHC`.
    public var procedureCode: String
    /// `TenTTHC`.
    public var procedureName: String
    /// `ChuHoSo`, masked.
    public var maskedOwnerName: String
    /// `SoGiayToChuHoSo`, masked but the last 4 digits.
    public var maskedOwnerIDNumber: String
    /// `SoDienThoai`, masked.
    public var maskedPhoneNumber: String
    /// `TrangThaiHoSo`.
    public var status: OneStopDossierStatus
    /// `NgayTiepNhan`.
    public var receivedAt: Date
    /// `NgayHenTra`.
    public var appointmentAt: Date
    /// `UyQuyen`, when someone was authorised to collect.
    public var proxy: OneStopProxy?
    /// `DanhSachLePhi`.
    public var fees: [OneStopFee]
    /// `DanhSachGiayToKetQua`.
    public var resultPapers: [OneStopResultPaper]
    /// `Kiosk`.
    public var kiosk: OneStopKioskDetails

    /// A manifest entry.
    public init(
        dossierCode: String, procedureCode: String, procedureName: String, maskedOwnerName: String,
        maskedOwnerIDNumber: String, maskedPhoneNumber: String, status: OneStopDossierStatus, receivedAt: Date,
        appointmentAt: Date, proxy: OneStopProxy? = nil, fees: [OneStopFee], resultPapers: [OneStopResultPaper],
        kiosk: OneStopKioskDetails
    ) {
        self.dossierCode = dossierCode
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.maskedOwnerName = maskedOwnerName
        self.maskedOwnerIDNumber = maskedOwnerIDNumber
        self.maskedPhoneNumber = maskedPhoneNumber
        self.status = status
        self.receivedAt = receivedAt
        self.appointmentAt = appointmentAt
        self.proxy = proxy
        self.fees = fees
        self.resultPapers = resultPapers
        self.kiosk = kiosk
    }

    /// The last 4 characters of `maskedOwnerIDNumber` (the digits a citizen types for a lookup).
    public var ownerIDLastFour: String { String(maskedOwnerIDNumber.suffix(4)) }

    enum CodingKeys: String, CodingKey {
        case dossierCode = "MaHoSo"
        case procedureCode = "MaTTHC"
        case procedureName = "TenTTHC"
        case maskedOwnerName = "ChuHoSo"
        case maskedOwnerIDNumber = "SoGiayToChuHoSo"
        case maskedPhoneNumber = "SoDienThoai"
        case status = "TrangThaiHoSo"
        case receivedAt = "NgayTiepNhan"
        case appointmentAt = "NgayHenTra"
        case proxy = "UyQuyen"
        case fees = "DanhSachLePhi"
        case resultPapers = "DanhSachGiayToKetQua"
        case kiosk = "Kiosk"
    }
}
