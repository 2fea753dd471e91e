import Foundation
import GRDB
import KioskDomain

extension AppDatabase {
    /// Applies one manifest page and saves `cursor` in the same write transaction, with one
    /// journal entry for the page (and one per hand-out a tombstone cancels). Either the whole
    /// page and its cursor are durable, or neither is, so a crash re-fetches the same page.
    ///
    /// - A live entry upserts the dossier, its sync metadata and its pickup code hash (removing a
    ///   hash the backend no longer sends), unless the store already holds that version or newer.
    /// - A tombstone marks the dossier withdrawn, deletes its pickup code hash, and cancels an
    ///   active hand-out through the domain machine: a result already in a slot becomes a recall
    ///   task for staff, never a pickup.
    /// - Parameter cursor: the page's cursor; `nil` keeps the stored one.
    /// - Throws: `DatabaseError` when a row breaks the schema (the page is then not applied).
    @discardableResult
    public func applyManifestPage(_ entries: [ManifestEntry], cursor: String?, at date: Date) async throws
        -> ManifestApplyResult
    {
        try await writer.write { db in
            var result = ManifestApplyResult()
            for entry in entries {
                let stored = try Int64.fetchOne(
                    db, sql: "SELECT version FROM manifest_dossier WHERE code = ?", arguments: [entry.code.rawValue])
                if let stored, stored >= entry.version {
                    result.ignoredStale += 1
                    continue
                }
                switch entry.content {
                case .live(let live):
                    try Self.upsertLive(live, version: entry.version, at: date, in: db)
                    result.upserted += 1
                case .withdrawn:
                    if let task = try Self.applyTombstone(entry.code, version: entry.version, at: date, in: db) {
                        result.recallTasks.append(task)
                    }
                    result.withdrawn += 1
                }
            }
            if let cursor {
                try Self.saveCursor(stream: "manifest", cursor: cursor, version: nil, at: date, in: db)
            }
            let details = [
                "cursor": cursor ?? "", "upserted": "\(result.upserted)", "withdrawn": "\(result.withdrawn)",
                "stale": "\(result.ignoredStale)", "recalls": "\(result.recallTasks.count)",
            ]
            _ = try Self.appendJournal(
                JournalDraft(kind: "sync.manifestPage", subject: "manifest", actor: "backend", details: details),
                at: date, in: db)
            return result
        }
    }

    /// The manifest cursor saved with the last applied page, or `nil` before the first.
    public func manifestCursor() async throws -> String? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT cursor FROM sync_cursor WHERE stream = 'manifest'")
        }
    }

    /// Forgets the manifest cursor (the backend could not read it), so the next round starts from
    /// the beginning; applying pages again is idempotent.
    public func resetManifestCursor(at date: Date) async throws {
        try await writer.write { db in
            try Self.saveCursor(stream: "manifest", cursor: nil, version: nil, at: date, in: db)
            _ = try Self.appendJournal(
                JournalDraft(kind: "sync.manifestCursorReset", subject: "manifest", actor: "backend"), at: date, in: db)
        }
    }

    /// Open recall tasks, oldest first.
    public func openRecallTasks() async throws -> [RecallTask] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM recall_task WHERE doneAt IS NULL ORDER BY id"
            ).compactMap(Self.recallTask)
        }
    }

    static func saveCursor(stream: String, cursor: String?, version: Int64?, at date: Date, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_cursor (stream, cursor, version, updatedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT(stream) DO UPDATE SET cursor = excluded.cursor, version = excluded.version,
                  updatedAt = excluded.updatedAt
                """,
            arguments: [stream, cursor, version, date])
    }

    private static func upsertLive(_ live: ManifestDossier, version: Int64, at date: Date, in db: Database) throws {
        let code = live.dossier.code.rawValue
        try DossierRecord(live.dossier, ownerIdHash: live.ownerIdHash, updatedAt: date).upsert(db)
        try db.execute(
            sql: """
                INSERT INTO manifest_dossier (code, version, withdrawn, holdUntil, receivedAt) VALUES (?, ?, 0, ?, ?)
                ON CONFLICT(code) DO UPDATE SET version = excluded.version, withdrawn = 0,
                  holdUntil = excluded.holdUntil, receivedAt = excluded.receivedAt
                """,
            arguments: [code, version, live.holdUntil, date])
        if let hash = live.pickupCodeHash {
            try db.execute(
                sql: """
                    INSERT INTO pickup_code (dossierCode, codeHash, version, expiresAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(dossierCode) DO UPDATE SET codeHash = excluded.codeHash, version = excluded.version,
                      expiresAt = excluded.expiresAt
                    """,
                arguments: [code, hash.encoded, version, live.holdUntil])
        } else {
            try db.execute(sql: "DELETE FROM pickup_code WHERE dossierCode = ?", arguments: [code])
        }
    }

    static func recallTask(_ row: Row) -> RecallTask? {
        guard let handOut = UUID(uuidString: row["handOutId"] as String? ?? "") else { return nil }
        return RecallTask(
            id: row["id"], dossierCode: row["dossierCode"], handOutId: handOut, slotId: row["slotId"],
            createdAt: row["createdAt"])
    }
}
