import Foundation
import Hummingbird
import KioskDomain
import KioskStore
import KioskWeb
import Logging
import ServiceLifecycle

/// The composition root: turns a configuration into running services. `kioskd`, the end-to-end
/// tests and the benchmarks all start the kiosk through ``build(config:logger:onListening:)``.
public enum KioskApp {
    /// Opens the state directory and the database, verifies the journal, and assembles the
    /// service group. Nothing listens until ``KioskRuntime/run()``. With a `backend` section the
    /// bearer token is read first and the runtime owns an HTTP client that only `run()` closes.
    /// - Parameter onListening: called once the HTTP server accepts connections, with its address.
    /// - Throws: `ConfigurationError` when the backend's bearer token cannot be read;
    ///   `KioskStartupError` when the state directory cannot be prepared; store errors when the
    ///   database cannot be opened.
    public static func build(
        config: KioskConfiguration, logger: Logger,
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
    ) async throws -> KioskRuntime {
        let backendCredentials = try config.backend?.credentials()
        try prepareStateDirectory(config.stateDirectory)
        let database = try AppDatabase(path: config.databasePath, kioskID: config.kiosk.id, logger: logger)
        let journal = try await database.verifyJournal()
        switch journal {
        case .intact(let entries, _):
            logger.info("journal verified", metadata: ["journal.entries": "\(entries)"])
        case .broken(let journalBreak):
            logger.critical("journal chain broken", metadata: ["journal.seq": "\(journalBreak.seq)",
                                                                "journal.problem": "\(journalBreak)"])
        }
        let identity = ServiceIdentity(
            version: KioskVersion.current, kioskID: config.kiosk.id, startedAt: Date(), journal: journal)
        let lockBuses = try lockBusServices(config: config, logger: logger)
        let devices = try deviceServices(config: config, database: database, logger: logger)
        let backendSync = try await backendSyncService(
            config: config, credentials: backendCredentials, database: database, logger: logger)
        let router = Router()
        addHealthRoutes(
            to: router, identity: identity, database: database, lockerBanks: lockBuses.map(\.driver),
            printer: devices.printer, scanner: devices.scanner, syncHealth: backendSync?.healthReader)
        let http = Application(
            router: router,
            configuration: .init(address: .hostname(config.http.host, port: config.http.port), serverName: "kioskd"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? config.http.port
                logger.notice("kioskd listening", metadata: ["http.url": "http://\(config.http.host):\(port)"])
                await onListening(config.http.host, port)
            },
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: lockBuses.map { .init(service: $0) } + devices.serviceConfigurations
                    + (backendSync.map { [.init(service: $0)] } ?? []) + [.init(service: http)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        return KioskRuntime(database: database, serviceGroup: group, logger: logger)
    }

    /// One driver service per configured lock bus.
    static func lockBusServices(config: KioskConfiguration, logger: Logger) throws -> [LockBusService] {
        guard let lockers = config.lockers else { return [] }
        return try lockers.buses.map { bus in try LockBusService(bus: bus, map: lockers.slotMap, logger: logger) }
    }

    /// Creates the state directory (mode 0700) when it is missing and checks it is writable.
    static func prepareStateDirectory(_ path: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw KioskStartupError.stateDirectory(path, "is not a directory") }
        } else {
            do {
                try manager.createDirectory(
                    atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw KioskStartupError.stateDirectory(path, "cannot be created")
            }
        }
        guard manager.isWritableFile(atPath: path) else {
            throw KioskStartupError.stateDirectory(path, "is not writable")
        }
    }
}

/// Why the kiosk could not start, in one line for the log and the exit message.
public enum KioskStartupError: Error, CustomStringConvertible, Equatable {
    /// The state directory is unusable.
    case stateDirectory(String, String)

    public var description: String {
        switch self {
        case .stateDirectory(let path, let problem): "state directory \(path) \(problem)"
        }
    }
}

/// The assembled kiosk: its database and the service group that runs everything.
public struct KioskRuntime: Sendable {
    /// The open database.
    public let database: AppDatabase
    /// Every long-running service, in dependency order.
    public let serviceGroup: ServiceGroup
    let logger: Logger

    /// Runs until SIGTERM/SIGINT (or a service fails), then shuts down gracefully and closes the
    /// database.
    public func run() async throws {
        defer {
            do {
                try database.close()
                logger.notice("kioskd stopped")
            } catch {
                logger.error("database did not close cleanly", metadata: ["error": "\(error)"])
            }
        }
        try await serviceGroup.run()
    }
}
