import Foundation
import GRDB
import KioskDomain

/// A row of `staff` with its roles from `staff_role`: who may log in offline, with a hashed PIN.
public struct StaffRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "staff"

    /// `MaCanBo`.
    public var id: String
    /// Name shown on screens and in the audit trail.
    public var displayName: String
    /// The PIN's salted slow hash; never the PIN.
    public var pinHash: String
    /// Whether the person may log in.
    public var active: Bool
    /// Last change.
    public var updatedAt: Date

    /// A staff record.
    public init(id: String, displayName: String, pinHash: String, active: Bool = true, updatedAt: Date) {
        self.id = id
        self.displayName = displayName
        self.pinHash = pinHash
        self.active = active
        self.updatedAt = updatedAt
    }
}

extension AppDatabase {
    /// Inserts or replaces a staff member and their roles in one transaction, journalled.
    /// - Throws: `StoreError.conflict` when `roles` is empty.
    public func saveStaff(_ staff: StaffRecord, roles: Set<StaffRole>, by actor: String, at date: Date) async throws {
        guard !roles.isEmpty else { throw StoreError.conflict("staff \(staff.id) has no role") }
        let journal = JournalDraft(
            kind: "staff.saved", subject: staff.id, actor: actor,
            details: ["roles": roles.map(\.rawValue).sorted().joined(separator: ","), "active": "\(staff.active)"])
        try await commit(journal, at: date) { db in
            try staff.upsert(db)
            try db.execute(sql: "DELETE FROM staff_role WHERE staffId = ?", arguments: [staff.id])
            for role in roles {
                try db.execute(sql: "INSERT INTO staff_role (staffId, role) VALUES (?, ?)", arguments: [staff.id, role.rawValue])
            }
        }
    }

    /// The active staff member with this id and their identity, or `nil`.
    public func staffIdentity(id: String) async throws -> (identity: StaffIdentity, pinHash: String)? {
        try await writer.read { db in
            guard let record = try StaffRecord.fetchOne(db, key: id), record.active else { return nil }
            let roles = try String.fetchAll(db, sql: "SELECT role FROM staff_role WHERE staffId = ?", arguments: [id])
                .compactMap(StaffRole.init(rawValue:))
            guard let identity = StaffIdentity(id: record.id, displayName: record.displayName, roles: Set(roles)) else {
                return nil
            }
            return (identity, record.pinHash)
        }
    }
}
