/// `DuLieu` of `NOP_HO_SO`: a dossier dropped at the kiosk (the event's `MaHoSo` is the
/// provisional code printed on the receipt).
public struct OneStopDossierHandedIn: Codable, Sendable, Equatable {
    /// `MaTTHC`.
    public var procedureCode: String
    /// `ChuHoSo`: the submitter's name as read from the CCCD QR.
    public var ownerName: String
    /// `SoDienThoai`: the phone number for SMS.
    public var phoneNumber: String
    /// `SoGiayToCuoi`: the last 4 digits of the submitter's ID, when read.
    public var ownerIDLastFour: String?
    /// `MaO`: the slot the papers were dropped into.
    public var slot: String
    /// `DanhSachGiayTo`: names of the papers declared.
    public var declaredPapers: [String]?

    /// Hand-in details.
    public init(
        procedureCode: String, ownerName: String, phoneNumber: String, ownerIDLastFour: String? = nil, slot: String,
        declaredPapers: [String]? = nil
    ) {
        self.procedureCode = procedureCode
        self.ownerName = ownerName
        self.phoneNumber = phoneNumber
        self.ownerIDLastFour = ownerIDLastFour
        self.slot = slot
        self.declaredPapers = declaredPapers
    }

    enum CodingKeys: String, CodingKey {
        case procedureCode = "MaTTHC"
        case ownerName = "ChuHoSo"
        case phoneNumber = "SoDienThoai"
        case ownerIDLastFour = "SoGiayToCuoi"
        case slot = "MaO"
        case declaredPapers = "DanhSachGiayTo"
    }
}
