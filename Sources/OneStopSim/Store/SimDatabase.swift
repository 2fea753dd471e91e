import Foundation
import GRDB

/// onestop-sim's own SQLite database: dossiers, the manifest change counter, per-kiosk event
/// logs, the SMS log, payments, staff and the procedure catalogue.
struct SimDatabase: Sendable {
    /// The connection; GRDB serialises every access.
    let queue: DatabaseQueue

    /// Opens (creating and migrating) the file at `path`, or an in-memory database for `nil`.
    /// - Throws: `DatabaseError` when SQLite cannot open or migrate it.
    init(path: String?) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "onestop-sim"
        if let path {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } else {
            queue = try DatabaseQueue(configuration: configuration)
        }
        try Self.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL);
                    INSERT INTO meta (key, value) VALUES ('change_counter', 0), ('catalogue_version', 1),
                        ('staff_version', 1), ('seeded', 0);
                    CREATE TABLE procedure (
                        code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, field_name TEXT NOT NULL,
                        level TEXT NOT NULL, time_limit TEXT NOT NULL, typical_fee INTEGER, result TEXT NOT NULL,
                        kiosk_return TEXT NOT NULL CHECK (kiosk_return IN ('CO', 'KHONG', 'CO_DIEU_KIEN')),
                        slot_size TEXT NOT NULL CHECK (slot_size IN ('S', 'M', 'L')));
                    CREATE TABLE dossier (
                        code TEXT PRIMARY KEY NOT NULL, procedure_code TEXT NOT NULL, owner_name TEXT NOT NULL,
                        owner_id_masked TEXT NOT NULL, owner_id_last4 TEXT NOT NULL, phone TEXT NOT NULL,
                        received_at TEXT NOT NULL, appointment_at TEXT NOT NULL, returned_at TEXT,
                        status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
                        fee_amount INTEGER NOT NULL CHECK (fee_amount >= 0), fee_due INTEGER NOT NULL CHECK (fee_due >= 0),
                        fee_timing TEXT NOT NULL,
                        proxy_name TEXT, proxy_id_masked TEXT,
                        feed_state TEXT NOT NULL DEFAULT 'none' CHECK (feed_state IN ('none', 'live', 'gone')),
                        tombstone_reason TEXT, change_number INTEGER NOT NULL DEFAULT 0,
                        pickup_hash TEXT, pickup_deadline TEXT, slot TEXT, handover_note TEXT);
                    CREATE INDEX dossier_feed ON dossier (change_number) WHERE feed_state != 'none';
                    CREATE TABLE kiosk_sequence (kiosk_id TEXT PRIMARY KEY NOT NULL, last_seq INTEGER NOT NULL);
                    CREATE TABLE event_log (
                        kiosk_id TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL, dossier_code TEXT, occurred_at TEXT NOT NULL, received_at TEXT NOT NULL,
                        outcome TEXT NOT NULL, detail TEXT NOT NULL, details_json TEXT NOT NULL,
                        PRIMARY KEY (kiosk_id, seq));
                    CREATE TABLE sms (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, phone TEXT NOT NULL, dossier_code TEXT NOT NULL,
                        text TEXT NOT NULL, sent_at TEXT NOT NULL);
                    CREATE TABLE payment (
                        id TEXT PRIMARY KEY NOT NULL, dossier_code TEXT NOT NULL REFERENCES dossier (code),
                        amount INTEGER NOT NULL CHECK (amount > 0), qr TEXT NOT NULL, reference TEXT NOT NULL,
                        expires_at TEXT NOT NULL, state TEXT NOT NULL, paid_at TEXT, created_at TEXT NOT NULL);
                    CREATE TABLE staff (
                        id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, roles TEXT NOT NULL,
                        pin_hash TEXT NOT NULL, active INTEGER NOT NULL);
                    """)
        }
        return migrator
    }
}

extension Database {
    /// A counter in `meta`.
    func meta(_ key: String) throws -> Int64 {
        try Int64.fetchOne(self, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) ?? 0
    }

    /// Sets a counter in `meta`.
    func setMeta(_ key: String, _ value: Int64) throws {
        try execute(sql: "UPDATE meta SET value = ? WHERE key = ?", arguments: [value, key])
    }

    /// The next manifest change number (strictly increasing across the whole feed).
    func nextChangeNumber() throws -> Int64 {
        let next = try meta("change_counter") + 1
        try setMeta("change_counter", next)
        return next
    }
}
