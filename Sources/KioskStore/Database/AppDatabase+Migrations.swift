import GRDB
import KioskDomain

extension AppDatabase {
    /// The schema's history. Migrations are named, applied in order, and never edited once released.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-kiosk-meta", migrate: createKioskMeta)
        migrator.registerMigration("v1-dossiers-slots-flows", migrate: createFlowTables)
        migrator.registerMigration("v1-staff", migrate: createStaffTables)
        migrator.registerMigration("v1-journal", migrate: createJournal)
        migrator.registerMigration("v1-outbox", migrate: createOutbox)
        migrator.registerMigration("v2-sync", migrate: createSyncTables)
        return migrator
    }

    /// `'A','B',…` for a CHECK constraint over an enum's raw values.
    static func sqlList<E: RawRepresentable & CaseIterable>(_: E.Type) -> String where E.RawValue == String {
        E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
    }

    private static func createKioskMeta(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE kiosk_meta (
              key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
              value TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE sequence_counter (
              name  TEXT PRIMARY KEY NOT NULL,
              value INTEGER NOT NULL CHECK (value >= 0)
            ) WITHOUT ROWID;
            INSERT INTO sequence_counter (name, value) VALUES ('outbox', 0);
            """)
    }

    private static func createFlowTables(_ db: Database) throws {
        let sizes = sqlList(SlotSize.self)
        let causes = sqlList(IncidentCause.self)
        try db.execute(sql: """
            CREATE TABLE dossier (
              code            TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 10 AND 40),
              procedureCode   TEXT NOT NULL CHECK (length(procedureCode) BETWEEN 8 AND 30),
              procedureName   TEXT NOT NULL,
              nationalStatus  INTEGER NOT NULL CHECK (nationalStatus BETWEEN 1 AND 10),
              ownerNameMasked TEXT NOT NULL,
              ownerIdLast4    TEXT CHECK (ownerIdLast4 GLOB '[0-9][0-9][0-9][0-9]'),
              ownerIdHash     TEXT CHECK (ownerIdHash IS NULL OR length(ownerIdHash) = 64),
              phoneMasked     TEXT,
              dueAt           DATETIME,
              feeDue          INTEGER NOT NULL DEFAULT 0 CHECK (feeDue >= 0),
              requiredSize    TEXT NOT NULL CHECK (requiredSize IN (\(sizes))),
              inPersonOnly    BOOLEAN NOT NULL DEFAULT 0 CHECK (inPersonOnly IN (0, 1)),
              updatedAt       DATETIME NOT NULL
            );
            CREATE TABLE hand_out (
              id              TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
              dossierCode     TEXT NOT NULL REFERENCES dossier(code) ON DELETE RESTRICT,
              state           TEXT NOT NULL CHECK (state IN (\(sqlList(HandOutState.self)))),
              slotId          TEXT REFERENCES slot(id) ON DELETE RESTRICT,
              feeDue          INTEGER NOT NULL DEFAULT 0 CHECK (feeDue >= 0),
              incidentCause   TEXT CHECK (incidentCause IS NULL OR incidentCause IN (\(causes))),
              pickupCodeHash  TEXT,
              wrongAttempts   INTEGER NOT NULL DEFAULT 0 CHECK (wrongAttempts >= 0),
              lockedForStaff  BOOLEAN NOT NULL DEFAULT 0 CHECK (lockedForStaff IN (0, 1)),
              loadedAt        DATETIME,
              holdUntil       DATETIME,
              handedOutAt     DATETIME,
              createdAt       DATETIME NOT NULL,
              updatedAt       DATETIME NOT NULL,
              CHECK (state <> 'DA_TRA' OR handedOutAt IS NOT NULL),
              CHECK (state NOT IN ('SAN_SANG_TRA','CHO_THANH_TOAN','DANG_TRA','QUA_HAN') OR loadedAt IS NOT NULL)
            );
            CREATE UNIQUE INDEX hand_out_one_active_per_dossier ON hand_out(dossierCode)
              WHERE state NOT IN ('DA_TRA','DA_THU_HOI','HUY');
            CREATE TABLE hand_in (
              id                  TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
              provisionalCode     TEXT UNIQUE,
              procedureCode       TEXT NOT NULL CHECK (length(procedureCode) BETWEEN 8 AND 30),
              requiredSize        TEXT NOT NULL CHECK (requiredSize IN (\(sizes))),
              slotId              TEXT REFERENCES slot(id) ON DELETE RESTRICT,
              emptyCloses         INTEGER NOT NULL DEFAULT 0 CHECK (emptyCloses >= 0),
              incidentCause       TEXT CHECK (incidentCause IS NULL OR incidentCause IN (\(causes))),
              submitterNameMasked TEXT NOT NULL,
              submitterIdLast4    TEXT CHECK (submitterIdLast4 GLOB '[0-9][0-9][0-9][0-9]'),
              submitterIdHash     TEXT CHECK (submitterIdHash IS NULL OR length(submitterIdHash) = 64),
              phoneMasked         TEXT,
              papers              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(papers) AND json_type(papers) = 'array'),
              state               TEXT NOT NULL CHECK (state IN (\(sqlList(HandInState.self)))),
              createdAt           DATETIME NOT NULL,
              droppedAt           DATETIME,
              collectedAt         DATETIME,
              CHECK (state NOT IN ('DA_NOP','DA_THU_GOM') OR droppedAt IS NOT NULL),
              CHECK (state <> 'DA_THU_GOM' OR collectedAt IS NOT NULL)
            );
            CREATE TABLE slot (
              id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 4 AND 6),
              size          TEXT NOT NULL CHECK (size IN (\(sizes))),
              doorHeightMm  INTEGER NOT NULL CHECK (doorHeightMm BETWEEN 0 AND 3000),
              enabled       BOOLEAN NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
              state         TEXT NOT NULL CHECK (state IN (\(sqlList(SlotState.self)))),
              handOutId     TEXT UNIQUE REFERENCES hand_out(id) ON DELETE RESTRICT,
              handInId      TEXT UNIQUE REFERENCES hand_in(id) ON DELETE RESTRICT,
              wearCount     INTEGER NOT NULL DEFAULT 0 CHECK (wearCount >= 0),
              updatedAt     DATETIME NOT NULL,
              CHECK (handOutId IS NULL OR handInId IS NULL),
              CHECK (state <> 'TRONG' OR (handOutId IS NULL AND handInId IS NULL)),
              CHECK (state NOT IN ('GIU_CHO','CO_HANG') OR handOutId IS NOT NULL OR handInId IS NOT NULL)
            );
            CREATE TABLE payment_request (
              id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
              dossierCode TEXT NOT NULL REFERENCES dossier(code) ON DELETE RESTRICT,
              amount      INTEGER NOT NULL CHECK (amount > 0),
              reference   TEXT NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 25),
              qrPayload   TEXT,
              state       TEXT NOT NULL CHECK (state IN (\(sqlList(PaymentState.self)))),
              expiresAt   DATETIME NOT NULL,
              createdAt   DATETIME NOT NULL,
              paidAt      DATETIME,
              refundedAt  DATETIME,
              CHECK (state NOT IN ('DA_THANH_TOAN','DA_HOAN_PHI') OR paidAt IS NOT NULL),
              CHECK (state <> 'DA_HOAN_PHI' OR refundedAt IS NOT NULL)
            );
            """)
    }

    private static func createStaffTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE staff (
              id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
              displayName TEXT NOT NULL,
              pinHash     TEXT NOT NULL CHECK (length(pinHash) > 0),
              active      BOOLEAN NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
              updatedAt   DATETIME NOT NULL
            );
            CREATE TABLE staff_role (
              staffId TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
              role    TEXT NOT NULL CHECK (role IN (\(sqlList(StaffRole.self)))),
              PRIMARY KEY (staffId, role)
            ) WITHOUT ROWID;
            """)
    }

    private static func createJournal(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE journal (
              seq          INTEGER PRIMARY KEY AUTOINCREMENT,
              recordedAt   TEXT NOT NULL,
              kind         TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
              subject      TEXT NOT NULL,
              actor        TEXT NOT NULL,
              payload      TEXT NOT NULL CHECK (json_valid(payload)),
              previousHash TEXT NOT NULL CHECK (length(previousHash) = 64),
              hash         TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
            );
            CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
              BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
            CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
              BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
            """)
    }

    private static func createOutbox(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE outbox (
              seq            INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 1),
              eventId        TEXT NOT NULL UNIQUE CHECK (length(eventId) = 36),
              kind           TEXT NOT NULL CHECK (kind IN (\(sqlList(BackendEventKind.self)))),
              dossierCode    TEXT,
              occurredAt     TEXT NOT NULL,
              payload        TEXT NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'),
              journalSeq     INTEGER NOT NULL UNIQUE REFERENCES journal(seq),
              state          TEXT NOT NULL DEFAULT 'created' CHECK (state IN ('created','sent','acknowledged')),
              attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
              sentAt         DATETIME,
              acknowledgedAt DATETIME,
              CHECK (state <> 'acknowledged' OR acknowledgedAt IS NOT NULL)
            );
            CREATE INDEX outbox_pending ON outbox(state, seq);
            """)
    }
}
