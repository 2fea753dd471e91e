import Foundation
import GRDB
import KioskDomain

/// One procedure of the synced catalogue (`ThuTuc`) as the hand-in screens use it.
public struct CatalogueProcedure: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "procedure_catalogue"

    /// `MaTTHC`.
    public var code: ProcedureCode
    /// `TenTTHC`, Vietnamese with diacritics, not blank.
    public var name: String
    /// `TenLinhVuc`.
    public var field: String
    /// Whether citizens may hand in a dossier for it at the kiosk.
    public var acceptsHandIn: Bool
    /// Whether its result may be returned through the kiosk.
    public var returnsResult: Bool
    /// The result must be received at the counter.
    public var inPersonOnly: Bool
    /// Slot size its papers usually need.
    public var defaultSize: SlotSize
    /// Typical fee, whole VND (≥ 0).
    public var feeVND: Int
    /// The catalogue version it came with.
    public var catalogueVersion: Int64

    /// A procedure.
    public init(
        code: ProcedureCode, name: String, field: String, acceptsHandIn: Bool, returnsResult: Bool,
        inPersonOnly: Bool, defaultSize: SlotSize, feeVND: Int, catalogueVersion: Int64
    ) {
        self.code = code
        self.name = name
        self.field = field
        self.acceptsHandIn = acceptsHandIn
        self.returnsResult = returnsResult
        self.inPersonOnly = inPersonOnly
        self.defaultSize = defaultSize
        self.feeVND = feeVND
        self.catalogueVersion = catalogueVersion
    }
}

extension AppDatabase {
    /// Replaces the whole catalogue with `procedures` of `version` in one journalled transaction,
    /// unless the stored catalogue is already that version or newer.
    /// - Returns: whether the catalogue changed.
    /// - Throws: `DatabaseError` when a row breaks the schema (nothing changes then).
    @discardableResult
    public func replaceCatalogue(_ procedures: [CatalogueProcedure], version: Int64, at date: Date) async throws -> Bool {
        try await writer.write { db in
            if let stored = try Self.streamVersion("catalogue", in: db), stored >= version { return false }
            try db.execute(sql: "DELETE FROM procedure_catalogue")
            for var procedure in procedures {
                procedure.catalogueVersion = version
                try procedure.insert(db)
            }
            try Self.saveCursor(stream: "catalogue", cursor: nil, version: version, at: date, in: db)
            _ = try Self.appendJournal(
                JournalDraft(
                    kind: "sync.catalogue", subject: "catalogue", actor: "backend",
                    details: ["version": "\(version)", "procedures": "\(procedures.count)"]),
                at: date, in: db)
            return true
        }
    }

    /// The catalogue, ordered by code.
    public func catalogue() async throws -> [CatalogueProcedure] {
        try await writer.read { db in try CatalogueProcedure.order(Column("code")).fetchAll(db) }
    }

    /// The stored version of a synced stream (`catalogue`, `staff`), or `nil` before the first sync.
    public func syncedVersion(of stream: String) async throws -> Int64? {
        try await writer.read { db in try Self.streamVersion(stream, in: db) }
    }

    static func streamVersion(_ stream: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT version FROM sync_cursor WHERE stream = ?", arguments: [stream])
    }
}
