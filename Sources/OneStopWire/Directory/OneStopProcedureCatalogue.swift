/// The whole procedure catalogue with its version (`GET …/thu-tuc`).
public struct OneStopProcedureCatalogue: Codable, Sendable, Equatable {
    /// `PhienBan`: increases whenever any procedure changes.
    public var version: Int64
    /// `DanhSach`.
    public var procedures: [OneStopProcedure]

    /// A catalogue.
    public init(version: Int64, procedures: [OneStopProcedure]) {
        self.version = version
        self.procedures = procedures
    }

    enum CodingKeys: String, CodingKey {
        case version = "PhienBan"
        case procedures = "DanhSach"
    }
}
