import Foundation
import GRDB
import KioskDomain
import OneStopWire

extension OneStopBackend {
    /// The SMS log, oldest first.
    public func smsLog() async throws -> [SMSRecord] {
        try await database.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sms ORDER BY id").map { row in
                SMSRecord(id: row["id"], phone: row["phone"], dossierCode: row["dossier_code"], text: row["text"], sentAt: row["sent_at"])
            }
        }
    }

    /// The consumed events of `kiosk`, in sequence order.
    public func eventLog(kiosk: String) async throws -> [EventLogEntry] {
        try await database.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event_log WHERE kiosk_id = ? ORDER BY seq", arguments: [kiosk]).map { row in
                EventLogEntry(
                    seq: row["seq"], eventID: row["event_id"], kind: row["kind"], dossierCode: row["dossier_code"],
                    occurredAt: row["occurred_at"], receivedAt: row["received_at"], outcome: row["outcome"],
                    detail: row["detail"])
            }
        }
    }

    /// One dossier's state.
    /// - Throws: `OneStopSimError.notFound`.
    public func dossier(code: String) async throws -> DossierView {
        let code = code.uppercased()
        return try await database.queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM dossier WHERE code = ?", arguments: [code]) else {
                throw OneStopSimError.notFound("dossier \(code)")
            }
            return DossierView(
                code: row["code"], status: row["status"], feedState: row["feed_state"],
                tombstoneReason: row["tombstone_reason"], changeNumber: row["change_number"], slot: row["slot"],
                feeDue: row["fee_due"], returnedAt: row["returned_at"], hasPickupCode: row["pickup_hash"] != nil)
        }
    }

    /// What the back office can do to a dossier (control API).
    public enum DossierAction: String, Sendable, CaseIterable {
        /// Processing finished: status 9, enters the manifest.
        case ready
        /// Withdrawn by the applicant: status 7, tombstone `RUT_HO_SO`.
        case withdraw
        /// Redirected to the counter: tombstone `CHUYEN_QUAY`.
        case redirect
    }

    /// Applies a back-office action to a dossier.
    /// - Throws: `OneStopSimError.notFound`.
    public func perform(_ action: DossierAction, code: String) async throws -> DossierView {
        let code = code.uppercased()
        try await database.queue.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dossier WHERE code = ?", arguments: [code]) == true else {
                throw OneStopSimError.notFound("dossier \(code)")
            }
            switch action {
            case .ready:
                try db.execute(sql: "UPDATE dossier SET status = 9 WHERE code = ?", arguments: [code])
                try self.database.refreshFeed(code: code, db)
            case .withdraw:
                try db.execute(sql: "UPDATE dossier SET status = 7, pickup_hash = NULL WHERE code = ?", arguments: [code])
                try self.database.refreshFeed(code: code, tombstoneReason: "RUT_HO_SO", db)
            case .redirect:
                try db.execute(sql: "UPDATE dossier SET pickup_hash = NULL WHERE code = ?", arguments: [code])
                try self.database.refreshFeed(code: code, tombstoneReason: "CHUYEN_QUAY", db)
            }
        }
        return try await dossier(code: code)
    }

    /// Adds or replaces a staff member, hashing the PIN, and bumps the directory version.
    /// - Throws: `OneStopSimError.configuration` for a bad id, role or PIN.
    public func upsertStaff(_ entry: StaffEntry) async throws {
        guard !entry.id.isEmpty, entry.id.utf8.count <= 64 else { throw OneStopSimError.configuration("staff id must be 1-64 bytes") }
        let roles = try entry.roles.map { role in
            guard let known = OneStopStaffMember.Role(rawValue: role) else {
                throw OneStopSimError.configuration("unknown role '\(role)'")
            }
            return known.rawValue
        }
        guard !roles.isEmpty else { throw OneStopSimError.configuration("a staff member needs at least one role") }
        guard (4...8).contains(entry.pin.count), entry.pin.allSatisfy(\.isASCIIDigitCharacter) else {
            throw OneStopSimError.configuration("a PIN is 4-8 digits")
        }
        let iterations = configuration.hashIterations
        let hash = try random.with { generator in try SecretHash(hashing: entry.pin, iterations: iterations, using: &generator) }
        try await database.queue.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO staff (id, name, roles, pin_hash, active) VALUES (?, ?, ?, ?, ?)",
                arguments: [entry.id, entry.name, roles.joined(separator: ","), hash.encoded, entry.active ?? true])
            try db.setMeta("staff_version", try db.meta("staff_version") + 1)
        }
    }
}

extension Character {
    /// `0`–`9` only.
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
