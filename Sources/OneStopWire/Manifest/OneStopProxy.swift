/// A person the owner authorised to collect the result (`UyQuyen`), masked.
public struct OneStopProxy: Codable, Sendable, Equatable {
    /// `HoTenNguoiUyQuyen`, masked ("Bùi T** Ỵến").
    public var maskedName: String
    /// `SoGiayToNguoiUyQuyen`, masked but the last 4 digits.
    public var maskedIDNumber: String

    /// A proxy.
    public init(maskedName: String, maskedIDNumber: String) {
        self.maskedName = maskedName
        self.maskedIDNumber = maskedIDNumber
    }

    enum CodingKeys: String, CodingKey {
        case maskedName = "HoTenNguoiUyQuyen"
        case maskedIDNumber = "SoGiayToNguoiUyQuyen"
    }
}
