/// One person who may log in at the kiosk (`CanBo`).
public struct OneStopStaffMember: Codable, Sendable, Equatable {
    /// A role on the wire (`VaiTro`).
    public enum Role: String, Codable, Sendable, CaseIterable {
        /// One-stop officer.
        case staff = "CAN_BO_MOT_CUA"
        /// Technician.
        case technician = "KY_THUAT_VIEN"
        /// Administrator.
        case admin = "QUAN_TRI"
    }

    /// `MaCanBo`.
    public var id: String
    /// `HoTen`.
    public var name: String
    /// `VaiTro`, never empty.
    public var roles: [Role]
    /// `MaPIN`: the PIN's slow hash.
    public var pinHash: OneStopSecretHash
    /// `HoatDong`: `false` means refuse the login even offline.
    public var active: Bool

    /// A staff member.
    public init(id: String, name: String, roles: [Role], pinHash: OneStopSecretHash, active: Bool) {
        self.id = id
        self.name = name
        self.roles = roles
        self.pinHash = pinHash
        self.active = active
    }

    enum CodingKeys: String, CodingKey {
        case id = "MaCanBo"
        case name = "HoTen"
        case roles = "VaiTro"
        case pinHash = "MaPIN"
        case active = "HoatDong"
    }
}
