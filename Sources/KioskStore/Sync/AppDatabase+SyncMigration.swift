import GRDB
import KioskDomain

extension AppDatabase {
    /// `v2-sync`: what the kiosk keeps from the one-stop backend for offline work, and how the
    /// link to it is doing.
    static func createSyncTables(_ db: Database) throws {
        let sizes = sqlList(SlotSize.self)
        try db.execute(sql: """
            CREATE TABLE sync_cursor (
              stream    TEXT PRIMARY KEY NOT NULL CHECK (stream IN ('manifest','catalogue','staff')),
              cursor    TEXT CHECK (cursor IS NULL OR length(cursor) BETWEEN 1 AND 512),
              version   INTEGER CHECK (version IS NULL OR version >= 0),
              updatedAt DATETIME NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE manifest_dossier (
              code       TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 10 AND 40),
              version    INTEGER NOT NULL CHECK (version >= 0),
              withdrawn  BOOLEAN NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
              holdUntil  DATETIME,
              receivedAt DATETIME NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE pickup_code (
              dossierCode TEXT PRIMARY KEY NOT NULL REFERENCES dossier(code) ON DELETE CASCADE,
              codeHash    TEXT NOT NULL CHECK (codeHash LIKE 'pbkdf2-sha256$%' AND length(codeHash) <= 128),
              version     INTEGER NOT NULL CHECK (version >= 0),
              expiresAt   DATETIME
            ) WITHOUT ROWID;
            CREATE TABLE recall_task (
              id          INTEGER PRIMARY KEY AUTOINCREMENT,
              dossierCode TEXT NOT NULL REFERENCES dossier(code) ON DELETE RESTRICT,
              handOutId   TEXT NOT NULL REFERENCES hand_out(id) ON DELETE RESTRICT,
              slotId      TEXT REFERENCES slot(id) ON DELETE RESTRICT,
              reason      TEXT NOT NULL CHECK (reason IN ('withdrawn')),
              createdAt   DATETIME NOT NULL,
              doneAt      DATETIME
            );
            CREATE UNIQUE INDEX recall_task_one_open_per_hand_out ON recall_task(handOutId) WHERE doneAt IS NULL;
            CREATE TABLE procedure_catalogue (
              code             TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 8 AND 30),
              name             TEXT NOT NULL CHECK (length(name) > 0),
              field            TEXT NOT NULL,
              acceptsHandIn    BOOLEAN NOT NULL CHECK (acceptsHandIn IN (0, 1)),
              returnsResult    BOOLEAN NOT NULL CHECK (returnsResult IN (0, 1)),
              inPersonOnly     BOOLEAN NOT NULL CHECK (inPersonOnly IN (0, 1)),
              defaultSize      TEXT NOT NULL CHECK (defaultSize IN (\(sizes))),
              feeVND           INTEGER NOT NULL CHECK (feeVND >= 0),
              catalogueVersion INTEGER NOT NULL CHECK (catalogueVersion >= 0)
            ) WITHOUT ROWID;
            CREATE TABLE outbox_refusal (
              seq       INTEGER PRIMARY KEY NOT NULL REFERENCES outbox(seq) ON DELETE RESTRICT,
              reason    TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
              refusedAt DATETIME NOT NULL
            );
            CREATE TABLE sync_health (
              id             INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
              lastSuccessAt  DATETIME,
              lastPushAt     DATETIME,
              lastPullAt     DATETIME,
              lastErrorAt    DATETIME,
              lastError      TEXT CHECK (lastError IS NULL OR length(lastError) <= 500),
              clockOffsetMs  INTEGER,
              updatedAt      DATETIME NOT NULL
            );
            """)
    }
}
