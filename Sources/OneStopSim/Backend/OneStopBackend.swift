import Foundation
import GRDB
import KioskDomain
import Logging
import OneStopWire

/// The reference one-stop backend behind the contract: every operation of
/// `docs/onestop-sync.openapi.yaml` and the control actions, over the simulator's database.
/// Contract failures are thrown as `OneStopProblem`; control failures as `OneStopSimError`.
public final class OneStopBackend: Sendable {
    let database: SimDatabase
    let configuration: OneStopSimConfiguration
    let now: @Sendable () -> Date
    let random: SimRandom
    let paymentWaiters = ChangeWaiters()
    let logger: Logger

    /// Opens the database, seeds it when new and keeps `now` as the backend's clock.
    /// - Throws: `OneStopSimError.configuration`/`.seed`, `DatabaseError`.
    public init(
        configuration: OneStopSimConfiguration, now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "onestop-sim")
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        self.now = now
        self.logger = logger
        random = SimRandom(seed: configuration.codeSeed)
        database = try SimDatabase(path: configuration.databasePath)
        try database.seedIfNew(
            dossiersPath: configuration.dossierSeedPath, proceduresPath: configuration.procedureSeedPath)
    }

    /// The kiosk a bearer token was issued to, or `nil`; compares every token without an early exit.
    public func kiosk(forToken token: String) -> String? {
        var found: String?
        for (kiosk, candidate) in configuration.kioskTokens
        where ConstantTime.equals(Array(candidate.utf8), Array(token.utf8)) {
            found = kiosk
        }
        return found
    }

    // MARK: Manifest

    /// One page of the manifest change feed after `cursor`.
    /// - Throws: `OneStopProblem` `cursor-invalid` for a cursor this backend did not issue.
    public func manifest(cursor: String?, limit: Int) async throws -> OneStopManifestPage {
        let after = try ManifestCursor.changeNumber(cursor)
        return try await database.queue.read { db in
            guard after <= (try db.meta("change_counter")) else { throw ManifestCursor.invalid }
            let rows = try Row.fetchAll(
                db, sql: Self.dossierSelect + " WHERE d.feed_state != 'none' AND d.change_number > ? ORDER BY d.change_number LIMIT ?",
                arguments: [after, limit + 1])
            var page = OneStopManifestPage(
                cursor: ManifestCursor.text(after), hasMore: rows.count > limit, dossiers: [], tombstones: [])
            for row in rows.prefix(limit) {
                let change: Int64 = row["change_number"]
                page.cursor = ManifestCursor.text(change)
                if row["feed_state"] == "gone" {
                    let reason = OneStopTombstone.Reason(rawValue: row["tombstone_reason"] ?? "") ?? .other
                    page.tombstones.append(OneStopTombstone(dossierCode: row["code"], reason: reason, changeNumber: change))
                } else {
                    page.dossiers.append(try Self.manifestDossier(row))
                }
            }
            return page
        }
    }

    /// Columns of a dossier joined with its procedure.
    static let dossierSelect = """
        SELECT d.*, p.name AS procedure_name, p.result AS procedure_result, p.kiosk_return, p.slot_size
        FROM dossier d LEFT JOIN procedure p ON p.code = d.procedure_code
        """

    static func manifestDossier(_ row: Row) throws -> OneStopManifestDossier {
        let feeAmount: Int64 = row["fee_amount"]
        let feeDue: Int64 = row["fee_due"]
        let procedureName: String = row["procedure_name"] ?? row["procedure_code"]
        var fees: [OneStopFee] = []
        if feeAmount > 0 {
            fees.append(OneStopFee(
                name: "Phí, lệ phí: \(procedureName)", code: "1",
                timing: OneStopFee.Timing(rawValue: row["fee_timing"]) ?? .atHandOut, amount: feeAmount, paid: feeDue == 0))
        }
        let proxyName: String? = row["proxy_name"]
        let pickupHash: String? = row["pickup_hash"]
        let deadline: String? = row["pickup_deadline"]
        return OneStopManifestDossier(
            dossierCode: row["code"], procedureCode: row["procedure_code"], procedureName: procedureName,
            maskedOwnerName: PersonalDataMasking.maskedName(row["owner_name"]),
            maskedOwnerIDNumber: row["owner_id_masked"],
            maskedPhoneNumber: PersonalDataMasking.maskedPhoneNumber(row["phone"]) ?? "**********",
            status: OneStopDossierStatus(code: row["status"]) ?? .resultReady,
            receivedAt: try date(row["received_at"]), appointmentAt: try date(row["appointment_at"]),
            proxy: proxyName.map { OneStopProxy(maskedName: $0, maskedIDNumber: row["proxy_id_masked"] ?? "") },
            fees: fees,
            resultPapers: [OneStopResultPaper(name: row["procedure_result"] ?? "Kết quả giải quyết TTHC", count: 1)],
            kiosk: OneStopKioskDetails(
                slotSize: OneStopSlotSize(rawValue: row["slot_size"] ?? "S") ?? .small,
                authenticationMethods: [.receiptQRAndPickupCode, .dossierCodeAndPickupCode, .citizenIDQRAndPickupCode],
                inPersonReceiptRequired: row["kiosk_return"] == "CO_DIEU_KIEN", feesDue: feeDue,
                pickupCodeHash: pickupHash.flatMap(OneStopSecretHash.init(encoded:)),
                pickupDeadline: deadline.flatMap(OneStopDateFormat.date(from:)), slot: row["slot"],
                changeNumber: row["change_number"]))
    }

    /// A stored date column.
    static func date(_ text: String) throws -> Date {
        guard let date = OneStopDateFormat.date(from: text) else {
            throw OneStopProblem(code: .internalError, title: "Corrupt date in the database", status: 500, detail: text)
        }
        return date
    }

    // MARK: Lookup, catalogue, staff, heartbeat

    /// The status of a dossier for its code and the last 4 digits of the owner's ID.
    /// - Throws: `OneStopProblem` `dossier-not-found` for an unknown code or wrong digits alike.
    public func lookup(_ query: OneStopStatusQuery) async throws -> OneStopStatusResult {
        let code = query.dossierCode.trimmingCharacters(in: .whitespaces).uppercased()
        let place = configuration.placeName
        return try await database.queue.read { db in
            guard let row = try Row.fetchOne(db, sql: Self.dossierSelect + " WHERE d.code = ?", arguments: [code]),
                ConstantTime.equals(Array(query.ownerIDLastFour.utf8), Array((row["owner_id_last4"] as String).utf8))
            else {
                throw OneStopProblem(
                    code: .dossierNotFound, title: "No such dossier", status: 404,
                    detail: "no dossier matches this code and these ID digits")
            }
            let status: Int = row["status"]
            let slot: String? = row["slot"]
            let collection: String =
                switch (status, slot) {
                case (10, _): "Đã trả kết quả"
                case (9, .some(let slot)) where row["feed_state"] == "live": "ATM hồ sơ 24/7 \(place), ô \(slot)"
                default: "Bộ phận tiếp nhận và trả kết quả"
                }
            let returned: String? = row["returned_at"]
            return OneStopStatusResult(
                dossierCode: code, procedureCode: row["procedure_code"],
                procedureName: row["procedure_name"] ?? row["procedure_code"],
                status: OneStopDossierStatus(code: status) ?? .newlyRegistered,
                statusLabel: NationalStatus(rawValue: status)?.vietnameseLabel ?? "",
                receivedAt: try Self.date(row["received_at"]), appointmentAt: try Self.date(row["appointment_at"]),
                returnedAt: returned.flatMap(OneStopDateFormat.date(from:)), feesDue: row["fee_due"],
                collectionPlace: collection)
        }
    }

    /// The whole procedure catalogue.
    public func catalogue() async throws -> OneStopProcedureCatalogue {
        try await database.queue.read { db in
            let procedures = try Row.fetchAll(db, sql: "SELECT * FROM procedure ORDER BY code").map { row in
                OneStopProcedure(
                    code: row["code"], name: row["name"], fieldName: row["field_name"], level: row["level"],
                    timeLimit: row["time_limit"], typicalFee: row["typical_fee"], result: row["result"],
                    kioskReturn: OneStopProcedure.KioskReturn(rawValue: row["kiosk_return"]) ?? .never,
                    slotSize: OneStopSlotSize(rawValue: row["slot_size"]) ?? .small)
            }
            return OneStopProcedureCatalogue(version: try db.meta("catalogue_version"), procedures: procedures)
        }
    }

    /// The whole staff directory.
    public func staffDirectory() async throws -> OneStopStaffDirectory {
        try await database.queue.read { db in
            let members = try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id").compactMap { row -> OneStopStaffMember? in
                guard let hash = OneStopSecretHash(encoded: row["pin_hash"]) else { return nil }
                let roles = (row["roles"] as String).split(separator: ",").compactMap { OneStopStaffMember.Role(rawValue: String($0)) }
                return OneStopStaffMember(id: row["id"], name: row["name"], roles: roles, pinHash: hash, active: row["active"])
            }
            return OneStopStaffDirectory(version: try db.meta("staff_version"), members: members)
        }
    }

    /// The backend's clock and view of the kiosk, in answer to its heartbeat.
    public func heartbeat(kiosk: String, _ heartbeat: OneStopHeartbeat) async throws -> OneStopHeartbeatReply {
        let serverTime = now()
        let offset = Int64((serverTime.timeIntervalSince(heartbeat.kioskTime) * 1000).rounded())
        return try await database.queue.read { db in
            OneStopHeartbeatReply(
                serverTime: serverTime, clockOffsetMilliseconds: offset, lastConsumedSeq: try Self.lastSeq(kiosk, db),
                catalogueVersion: try db.meta("catalogue_version"), staffDirectoryVersion: try db.meta("staff_version"))
        }
    }

    /// The last sequence number consumed for `kiosk`, 0 before its first event.
    static func lastSeq(_ kiosk: String, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT last_seq FROM kiosk_sequence WHERE kiosk_id = ?", arguments: [kiosk]) ?? 0
    }
}
