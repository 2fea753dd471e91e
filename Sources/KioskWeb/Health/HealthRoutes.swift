import Foundation
import Hummingbird
import KioskDomain
import KioskHAL
import KioskStore

/// What the health route reports that does not change while the process runs.
public struct ServiceIdentity: Sendable {
    /// Software version.
    public var version: String
    /// This kiosk's id.
    public var kioskID: String
    /// Process start.
    public var startedAt: Date
    /// The journal's verification at startup.
    public var journal: JournalVerification

    /// An identity.
    public init(version: String, kioskID: String, startedAt: Date, journal: JournalVerification) {
        self.version = version
        self.kioskID = kioskID
        self.startedAt = startedAt
        self.journal = journal
    }
}

/// Registers `GET /api/health` on `router`; `printer` and `scanner` add their parts when the
/// kiosk has them, and `syncHealth`, given when a backend is configured, reads the sync's state
/// for the `sync` object.
public func addHealthRoutes<Context: RequestContext>(
    to router: Router<Context>, identity: ServiceIdentity, database: AppDatabase, lockerBanks: [any LockerBank] = [],
    printer: (any PrinterHealthSource)? = nil, scanner: (any ScannerHealthSource)? = nil,
    syncHealth: (@Sendable () async throws -> SyncHealth)? = nil
) {
    router.get("api/health") { _, _ -> HealthResponse in
        let journal: HealthResponse.Journal
        switch identity.journal {
        case .intact(let entries, _):
            journal = .init(intact: true, detail: "\(entries) entries verified")
        case .broken(let journalBreak):
            journal = .init(intact: false, detail: journalBreak.description)
        }
        var lockers: HealthResponse.Lockers?
        if !lockerBanks.isEmpty {
            var byStatus: [String: Int] = [:]
            var count = 0
            for bank in lockerBanks {
                for status in await bank.snapshot().values {
                    byStatus[status.device.rawValue, default: 0] += 1
                    count += 1
                }
            }
            lockers = .init(slots: count, byStatus: byStatus)
        }
        var sync: HealthResponse.Sync?
        if let syncHealth { sync = HealthResponse.Sync(try await syncHealth()) }
        let lockersHealthy = lockers.map { $0.byStatus["online", default: 0] == $0.slots } ?? true
        var printerPart: HealthResponse.Printer?
        if let printer { printerPart = HealthResponse.Printer(await printer.printerHealth()) }
        var scannerPart: HealthResponse.Scanner?
        if let scanner { scannerPart = HealthResponse.Scanner(await scanner.scannerHealth()) }
        let devicesHealthy = (printerPart?.readyToPrint ?? true) && (scannerPart.map { $0.status == "online" } ?? true)
        return HealthResponse(
            status: journal.intact && lockersHealthy && devicesHealthy ? "ok" : "degraded", version: identity.version,
            kioskID: identity.kioskID, startedAt: KioskTime.iso8601(identity.startedAt), journal: journal,
            outboxDepth: try await database.outboxDepth(), lockers: lockers, printer: printerPart, scanner: scannerPart,
            sync: sync)
    }
}
