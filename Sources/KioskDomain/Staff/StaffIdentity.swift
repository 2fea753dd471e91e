/// A person who can log in at the kiosk's staff or technician screens.
public struct StaffIdentity: Hashable, Sendable, Codable {
    /// The staff id from the one-stop staff directory (`MaCanBo`).
    public let id: String
    /// Name as shown on screens and in the audit trail.
    public let displayName: String
    /// What this person may do; never empty.
    public let roles: Set<StaffRole>

    /// A staff identity; `nil` when `id` is blank or `roles` is empty.
    public init?(id: String, displayName: String, roles: Set<StaffRole>) {
        let trimmedID = String(id.trimmingASCIIWhitespace())
        guard !trimmedID.isEmpty, trimmedID.utf8.count <= 64, !roles.isEmpty else { return nil }
        self.id = trimmedID
        self.displayName = displayName
        self.roles = roles
    }

    /// Whether this person holds `role`. Admins hold every role.
    public func may(act role: StaffRole) -> Bool {
        roles.contains(role) || roles.contains(.admin)
    }
}
