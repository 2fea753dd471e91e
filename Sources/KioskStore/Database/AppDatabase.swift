import Foundation
import GRDB
import KioskDomain
import Logging

/// The kiosk's one database file: a GRDB `DatabasePool` in WAL mode with `synchronous=FULL`
/// and foreign keys on, migrated when opened. Every state change goes through
/// ``commit(_:event:at:apply:)``, which writes the change, its journal entry and its outbox row in
/// one transaction.
public final class AppDatabase: Sendable {
    /// The GRDB connection pool; readers run concurrently with the single writer.
    public let writer: DatabasePool
    /// The kiosk this database belongs to; a file created for another kiosk is refused.
    public let kioskID: String
    let logger: Logger

    /// Opens (creating if needed) and migrates the database at `path` for kiosk `kioskID`.
    /// - Throws: `StoreError.conflict` when the file belongs to another kiosk; `DatabaseError`
    ///   when SQLite cannot open or migrate it (corrupt file, read-only directory, disk full).
    public init(path: String, kioskID: String, logger: Logger = Logger(label: "kiosk.store")) throws {
        guard !kioskID.isEmpty else { throw StoreError.conflict("kiosk id is empty") }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "kiosk.store"
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        self.writer = try DatabasePool(path: path, configuration: configuration)
        self.kioskID = kioskID
        self.logger = logger
        try Self.migrator.migrate(writer)
        try writer.write { db in
            if let owner = try String.fetchOne(db, sql: "SELECT value FROM kiosk_meta WHERE key = 'kiosk.id'") {
                guard owner == kioskID else {
                    throw StoreError.conflict("database belongs to kiosk \(owner), not \(kioskID)")
                }
            } else {
                try db.execute(sql: "INSERT INTO kiosk_meta (key, value) VALUES ('kiosk.id', ?)", arguments: [kioskID])
            }
        }
        logger.info("store opened", metadata: ["store.path": "\(path)", "kiosk.id": "\(kioskID)"])
    }

    /// The names of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// The value of a SQLite pragma as text, for diagnostics (`journal_mode`, `synchronous`…).
    public func pragma(_ name: String) throws -> String? {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return try writer.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// Closes the pool; later calls fail with a `DatabaseError`.
    public func close() throws {
        try writer.close()
    }
}
