import Foundation
import GRDB
import KioskDomain

/// One person of the synced staff directory: who may log in offline, with a hashed PIN.
public struct StaffDirectoryEntry: Sendable, Equatable {
    /// `MaCanBo`.
    public var id: String
    /// Name shown on screens.
    public var displayName: String
    /// The PIN's slow hash; never the PIN.
    public var pinHash: SecretHash
    /// Roles, never empty.
    public var roles: Set<StaffRole>
    /// Whether the person may log in.
    public var active: Bool

    /// An entry.
    public init(id: String, displayName: String, pinHash: SecretHash, roles: Set<StaffRole>, active: Bool = true) {
        self.id = id
        self.displayName = displayName
        self.pinHash = pinHash
        self.roles = roles
        self.active = active
    }
}

extension AppDatabase {
    /// Replaces the staff directory with `entries` of `version` in one journalled transaction:
    /// listed people are upserted with their roles, people no longer listed are deactivated (kept
    /// for the audit trail). Nothing changes when the stored directory is that version or newer.
    /// - Returns: whether the directory changed.
    /// - Throws: `StoreError.conflict` when an entry has no role or a blank id (nothing changes).
    @discardableResult
    public func replaceStaffDirectory(_ entries: [StaffDirectoryEntry], version: Int64, at date: Date) async throws
        -> Bool
    {
        try await writer.write { db in
            if let stored = try Self.streamVersion("staff", in: db), stored >= version { return false }
            for entry in entries {
                guard !entry.roles.isEmpty, !entry.id.isEmpty else {
                    throw StoreError.conflict("staff entry \(entry.id) has no role or no id")
                }
                try StaffRecord(
                    id: entry.id, displayName: entry.displayName, pinHash: entry.pinHash.encoded,
                    active: entry.active, updatedAt: date
                ).upsert(db)
                try db.execute(sql: "DELETE FROM staff_role WHERE staffId = ?", arguments: [entry.id])
                for role in entry.roles {
                    try db.execute(
                        sql: "INSERT INTO staff_role (staffId, role) VALUES (?, ?)", arguments: [entry.id, role.rawValue])
                }
            }
            let listed = entries.map(\.id)
            try StaffRecord.filter(!listed.contains(Column("id")))
                .updateAll(db, Column("active").set(to: false), Column("updatedAt").set(to: date))
            try Self.saveCursor(stream: "staff", cursor: nil, version: version, at: date, in: db)
            _ = try Self.appendJournal(
                JournalDraft(
                    kind: "sync.staffDirectory", subject: "staff", actor: "backend",
                    details: ["version": "\(version)", "staff": "\(entries.count)"]),
                at: date, in: db)
            return true
        }
    }
}
