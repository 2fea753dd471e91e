import Foundation

/// Everything `kioskd` reads from its configuration file (JSON). Secrets never live here;
/// later sections name files that hold them.
public struct KioskConfiguration: Sendable, Equatable {
    /// Who this kiosk is, as printed on receipts and reported to the backend.
    public struct Kiosk: Sendable, Equatable {
        /// `MaKiosk`, 2–32 characters of `[A-Za-z0-9_-]`.
        public var id: String
        /// Name shown to citizens, e.g. "ATM hồ sơ 24/7 Vị Thanh".
        public var name: String
        /// The one-stop office that runs it.
        public var agency: String
        /// Hotline printed on every screen and receipt.
        public var hotline: String
    }

    /// Where the HTTP server listens.
    public struct HTTP: Sendable, Equatable {
        /// Interface address; loopback by default.
        public var host: String
        /// TCP port, 0–65535 (0 picks a free port, announced in the log).
        public var port: Int
    }

    /// Limits the domain policies use.
    public struct Policies: Sendable, Equatable {
        /// How long a loaded result waits for its owner, 1–90 days.
        public var holdingPeriodDays: Int
        /// Wrong pickup codes before a dossier is locked for staff, 1–20.
        public var wrongCodesPerDossier: Int
        /// Wrong pickup codes across the kiosk per minute before it slows down, 1–600.
        public var wrongCodesPerMinute: Int
    }

    /// The kiosk's identity.
    public var kiosk: Kiosk
    /// Directory that holds the database; created if missing.
    public var stateDirectory: String
    /// HTTP listener.
    public var http: HTTP
    /// Policy limits.
    public var policies: Policies
    /// Minimum log level: trace, debug, info, notice, warning, error or critical.
    public var logLevel: String
    /// Lock buses and the slot map; `nil` when the section is absent (no lockers driven).
    public var lockers: LockerConfiguration?
    /// The receipt printer and the code scanner; `nil` when the section is absent.
    public var devices: DeviceConfiguration?
    /// The one-stop backend to sync with; `nil` when the section is absent (the kiosk runs alone).
    public var backend: BackendConfiguration?

    /// The database file inside the state directory.
    public var databasePath: String {
        URL(fileURLWithPath: stateDirectory).appendingPathComponent("kiosk.sqlite").path
    }
}

extension KioskConfiguration {
    /// Reads and validates the configuration file at `path`.
    /// - Throws: `ConfigurationError` naming the file or the first offending key.
    public static func load(path: String) throws(ConfigurationError) -> KioskConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? "cannot be read")
        }
        return try parse(data)
    }

    /// Validates configuration JSON.
    /// - Throws: `ConfigurationError` naming the first offending key.
    public static func parse(_ data: Data) throws(ConfigurationError) -> KioskConfiguration {
        guard data.count <= 1_048_576 else { throw .malformed("larger than 1 MiB") }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformed("not valid JSON")
        }
        let reader = try ConfigurationReader(root, path: "")
        let kioskSection = try reader.section("kiosk")
        let kiosk = Kiosk(
            id: try kioskSection.string("id", pattern: .identifier, length: 2...32),
            name: try kioskSection.string("name", length: 1...120),
            agency: try kioskSection.string("agency", length: 1...200),
            hotline: try kioskSection.string("hotline", length: 3...32))
        let stateDirectory = try reader.string("stateDirectory", length: 1...4096)
        let httpSection = try reader.section("http", optional: true)
        let http = HTTP(
            host: try httpSection.string("host", default: "127.0.0.1", length: 1...255),
            port: try httpSection.integer("port", default: 8080, in: 0...65535))
        let policySection = try reader.section("policies", optional: true)
        let policies = Policies(
            holdingPeriodDays: try policySection.integer("holdingPeriodDays", default: 7, in: 1...90),
            wrongCodesPerDossier: try policySection.integer("wrongCodesPerDossier", default: 5, in: 1...20),
            wrongCodesPerMinute: try policySection.integer("wrongCodesPerMinute", default: 10, in: 1...600))
        let loggingSection = try reader.section("logging", optional: true)
        let level = try loggingSection.string(
            "level", default: "info", oneOf: ["trace", "debug", "info", "notice", "warning", "error", "critical"])
        let lockers = try reader.has("lockers") ? LockerConfiguration.read(reader.section("lockers")) : nil
        let devices = try reader.has("devices") ? DeviceConfiguration.read(reader.section("devices")) : nil
        let backend = try reader.has("backend") ? BackendConfiguration.read(reader.section("backend")) : nil
        for section in [reader, kioskSection, httpSection, policySection, loggingSection] {
            try section.refuseUnknownKeys()
        }
        return KioskConfiguration(
            kiosk: kiosk, stateDirectory: stateDirectory, http: http, policies: policies, logLevel: level,
            lockers: lockers, devices: devices, backend: backend)
    }
}
