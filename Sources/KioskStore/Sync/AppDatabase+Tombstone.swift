import Foundation
import GRDB
import KioskDomain

extension AppDatabase {
    /// Marks `code` withdrawn, removes its pickup code hash and cancels its active hand-out with
    /// the domain machine's `withdrawnByBackend`. A result in a slot, or one whose slot is in an
    /// incident or still being loaded, gets an open recall task; a hand-out whose door is open for
    /// a citizen right now is left to finish (the pickup lookup already refuses new pickups).
    /// - Returns: the recall task created, if any.
    static func applyTombstone(_ code: DossierCode, version: Int64, at date: Date, in db: Database) throws
        -> RecallTask?
    {
        try db.execute(
            sql: """
                INSERT INTO manifest_dossier (code, version, withdrawn, holdUntil, receivedAt) VALUES (?, ?, 1, NULL, ?)
                ON CONFLICT(code) DO UPDATE SET version = excluded.version, withdrawn = 1, receivedAt = excluded.receivedAt
                """,
            arguments: [code.rawValue, version, date])
        try db.execute(sql: "DELETE FROM pickup_code WHERE dossierCode = ?", arguments: [code.rawValue])
        guard
            let record = try HandOutRecord
                .filter(Column("dossierCode") == code.rawValue)
                .filter(!["DA_TRA", "DA_THU_HOI", "HUY"].contains(Column("state")))
                .fetchOne(db)
        else { return nil }
        var handOut = record.domainValue(
            inPersonOnly: false, holdingPolicy: .standard, attemptPolicy: .standard)
        let slot = handOut.slot
        var needsRecall = false
        do {
            let actions = try handOut.handle(.withdrawnByBackend)
            needsRecall = actions.contains { if case .notifyStaff(.recallNeeded) = $0 { true } else { false } }
            try HandOutRecord(handOut, pickupCodeHash: nil, createdAt: record.createdAt, updatedAt: date).update(db)
        } catch {
            // loading, incident or handing out: the door outcome decides; recall whatever stays in a slot.
            needsRecall = slot != nil && handOut.state != .handingOut
        }
        _ = try appendJournal(
            JournalDraft(
                kind: "handOut.withdrawnByBackend", subject: code.rawValue, actor: "backend",
                details: ["state": handOut.state.rawValue, "recall": "\(needsRecall)"]),
            at: date, in: db)
        guard needsRecall else { return nil }
        try db.execute(
            sql: """
                INSERT INTO recall_task (dossierCode, handOutId, slotId, reason, createdAt)
                VALUES (?, ?, ?, 'withdrawn', ?) ON CONFLICT DO NOTHING
                """,
            arguments: [code.rawValue, record.id.uuidString.lowercased(), slot?.rawValue, date])
        let row = try Row.fetchOne(
            db, sql: "SELECT * FROM recall_task WHERE handOutId = ? AND doneAt IS NULL",
            arguments: [record.id.uuidString.lowercased()])
        return row.flatMap(recallTask)
    }
}
