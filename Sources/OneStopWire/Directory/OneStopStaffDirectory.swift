/// The staff directory for offline login, with its version (`GET …/can-bo`).
public struct OneStopStaffDirectory: Codable, Sendable, Equatable {
    /// `PhienBan`.
    public var version: Int64
    /// `DanhSach`.
    public var members: [OneStopStaffMember]

    /// A directory.
    public init(version: Int64, members: [OneStopStaffMember]) {
        self.version = version
        self.members = members
    }

    enum CodingKeys: String, CodingKey {
        case version = "PhienBan"
        case members = "DanhSach"
    }
}
