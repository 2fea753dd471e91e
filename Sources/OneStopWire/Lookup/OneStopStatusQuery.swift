/// A citizen's status lookup (`POST …/tra-cuu`).
public struct OneStopStatusQuery: Codable, Sendable, Equatable {
    /// `MaHoSo` as typed or scanned.
    public var dossierCode: String
    /// `SoGiayToCuoi`: the last 4 digits of the owner's ID number.
    public var ownerIDLastFour: String

    /// A lookup.
    public init(dossierCode: String, ownerIDLastFour: String) {
        self.dossierCode = dossierCode
        self.ownerIDLastFour = ownerIDLastFour
    }

    enum CodingKeys: String, CodingKey {
        case dossierCode = "MaHoSo"
        case ownerIDLastFour = "SoGiayToCuoi"
    }
}
