/// A request to create a payment for the fees still due on a dossier (`POST …/thanh-toan`).
public struct OneStopPaymentOrder: Codable, Sendable, Equatable {
    /// How the citizen pays (`HinhThuc`).
    public enum Method: String, Codable, Sendable, CaseIterable {
        /// A VietQR bank transfer.
        case vietQR = "VIETQR"
    }

    /// `MaHoSo`.
    public var dossierCode: String
    /// `HinhThuc`.
    public var method: Method

    /// An order.
    public init(dossierCode: String, method: Method = .vietQR) {
        self.dossierCode = dossierCode
        self.method = method
    }

    enum CodingKeys: String, CodingKey {
        case dossierCode = "MaHoSo"
        case method = "HinhThuc"
    }
}
