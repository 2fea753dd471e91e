import Foundation
import HardwareSims

/// What `kiosk-hwsim` emulates and where it serves it, read from a JSON file. Every device list
/// is optional (an absent list is empty):
///
/// ```json
/// { "control": { "host": "127.0.0.1", "port": 8090 },
///   "lockBuses": [ { "id": "lockbus0", "family": "kerong", "boards": [0, 1],
///                    "link": "/tmp/kiosk-hwsim/lockbus0" } ],
///   "printers": [ { "id": "printer0", "paperWidthDots": 576, "link": "/tmp/kiosk-hwsim/printer0",
///                   "tcp": { "host": "127.0.0.1", "port": 9100 } } ],
///   "scanners": [ { "id": "scanner0", "mode": "serial", "suffix": "cr", "link": "/tmp/kiosk-hwsim/scanner0" } ] }
/// ```
public struct HardwareSimConfiguration: Sendable, Equatable, Decodable {
    /// The control API's listener.
    public struct Control: Sendable, Equatable, Decodable {
        /// Interface address; loopback only by default.
        public var host: String = "127.0.0.1"
        /// TCP port, 0–65535 (0 picks a free one, announced in the log).
        public var port: Int = 8090

        /// A listener.
        public init(host: String = "127.0.0.1", port: Int = 8090) {
            self.host = host
            self.port = port
        }

        private enum CodingKeys: String, CodingKey { case host, port }

        /// Decodes a listener; an absent `host` or `port` keeps its default.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            host = try container.decodeIfPresent(String.self, forKey: .host) ?? "127.0.0.1"
            port = try container.decodeIfPresent(Int.self, forKey: .port) ?? 8090
        }
    }

    /// One emulated RS-485 bus.
    public struct LockBus: Sendable, Equatable, Decodable {
        /// Bus id used in the control API and by the kiosk's slot map, e.g. `lockbus0`.
        public var id: String
        /// `kerong` or `wkly`.
        public var family: String
        /// Board addresses on the bus.
        public var boards: [UInt8]
        /// Channels per WKLY board (1–64); Kerong boards always have 16.
        public var channels: Int?
        /// Release pulse, ms (> 0). Default 500.
        public var pulseMilliseconds: Int?
        /// Stable symlink to the PTY that a driver opens; its directory is created if missing.
        public var link: String

        /// A bus.
        public init(
            id: String, family: String, boards: [UInt8], channels: Int? = nil, pulseMilliseconds: Int? = nil,
            link: String
        ) {
            self.id = id
            self.family = family
            self.boards = boards
            self.channels = channels
            self.pulseMilliseconds = pulseMilliseconds
            self.link = link
        }
    }

    /// Control API listener.
    public var control: Control
    /// Emulated lock buses.
    public var lockBuses: [LockBus]
    /// Emulated ESC/POS receipt printers.
    public var printers: [Printer]
    /// Emulated QR scanners.
    public var scanners: [Scanner]

    private enum CodingKeys: String, CodingKey { case control, lockBuses, printers, scanners }

    /// A configuration.
    public init(control: Control = Control(), lockBuses: [LockBus] = [], printers: [Printer] = [], scanners: [Scanner] = []) {
        self.control = control
        self.lockBuses = lockBuses
        self.printers = printers
        self.scanners = scanners
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        control = try container.decodeIfPresent(Control.self, forKey: .control) ?? Control()
        lockBuses = try container.decodeIfPresent([LockBus].self, forKey: .lockBuses) ?? []
        printers = try container.decodeIfPresent([Printer].self, forKey: .printers) ?? []
        scanners = try container.decodeIfPresent([Scanner].self, forKey: .scanners) ?? []
    }

    /// Reads and validates the file at `path`; printer fault-plan files are read now, relative
    /// to the file's directory.
    /// - Throws: `HardwareSimConfigurationError` naming the file or the offending device.
    public static func load(path: String) throws -> HardwareSimConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw HardwareSimConfigurationError("cannot read \(path)")
        }
        var configuration: HardwareSimConfiguration
        do {
            configuration = try JSONDecoder().decode(HardwareSimConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw HardwareSimConfigurationError(JSONProblem.describe(error, whole: "the file is not valid configuration JSON"))
        } catch {
            throw HardwareSimConfigurationError("the file is not valid configuration JSON")
        }
        try configuration.validate()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        for index in configuration.printers.indices {
            try configuration.printers[index].readFaultPlanFile(relativeTo: directory)
        }
        return configuration
    }

    /// Checks ids, families, widths, modes, links and ports of every device.
    /// - Throws: `HardwareSimConfigurationError` naming the first problem.
    public func validate() throws {
        guard (0...65535).contains(control.port) else {
            throw HardwareSimConfigurationError("control.port must be 0–65535")
        }
        guard !(lockBuses.isEmpty && printers.isEmpty && scanners.isEmpty) else {
            throw HardwareSimConfigurationError("nothing to emulate: configure lockBuses, printers or scanners")
        }
        var links = LinkRegistry()
        try links.claim(port: control.port, by: "control")
        var seen: Set<String> = []
        for bus in lockBuses {
            try Self.checkID(bus.id, of: "lock bus", unique: &seen)
            try links.claim(bus.link, by: "lock bus '\(bus.id)'")
            do {
                try bus.emulatorConfiguration().validate()
            } catch {
                throw HardwareSimConfigurationError("lock bus '\(bus.id)': \(error)")
            }
        }
        try validatePrinters(links: &links)
        try validateScanners(links: &links)
    }

    /// Refuses an id that is empty, longer than 32 characters, or already in `unique`.
    static func checkID(_ id: String, of kind: String, unique: inout Set<String>) throws {
        guard !id.isEmpty, id.count <= 32 else { throw HardwareSimConfigurationError("a \(kind) id must be 1–32 characters") }
        guard unique.insert(id).inserted else { throw HardwareSimConfigurationError("\(kind) '\(id)' is defined twice") }
    }
}

/// The device links and TCP ports already taken while validating, so no two devices share one.
struct LinkRegistry {
    private var links: [String: String] = [:]
    private var ports: [Int: String] = [:]

    /// Takes `link` for `owner` (e.g. `printer 'printer0'`).
    /// - Throws: `HardwareSimConfigurationError` naming both owners when the link is taken or empty.
    mutating func claim(_ link: String, by owner: String) throws {
        guard !link.isEmpty else { throw HardwareSimConfigurationError("\(owner): link must not be empty") }
        if let holder = links[link] {
            throw HardwareSimConfigurationError("\(owner) reuses the link \(link) of \(holder)")
        }
        links[link] = owner
    }

    /// Takes TCP `port` for `owner`; port 0 (any free port) is never a conflict.
    /// - Throws: `HardwareSimConfigurationError` naming both owners when the port is taken.
    mutating func claim(port: Int, by owner: String) throws {
        guard port != 0 else { return }
        if let holder = ports[port] {
            throw HardwareSimConfigurationError("\(owner) reuses TCP port \(port) of \(holder)")
        }
        ports[port] = owner
    }
}

extension HardwareSimConfiguration.LockBus {
    /// The emulator configuration this bus describes.
    /// - Throws: `HardwareSimConfigurationError` for an unknown family or a non-positive pulse.
    public func emulatorConfiguration() throws -> LockBusConfiguration {
        let familyValue: LockBoardFamily
        switch family {
        case "kerong": familyValue = .kerong
        case "wkly": familyValue = .wkly(channels: channels ?? 16)
        default: throw HardwareSimConfigurationError("family must be kerong or wkly, not '\(family)'")
        }
        let pulse = pulseMilliseconds ?? 500
        guard pulse > 0 else { throw HardwareSimConfigurationError("pulseMilliseconds must be positive") }
        return LockBusConfiguration(family: familyValue, boards: boards, pulse: .milliseconds(pulse))
    }
}

/// A refused `kiosk-hwsim` configuration, one line.
public struct HardwareSimConfigurationError: Error, Equatable, CustomStringConvertible {
    public let description: String
    /// An error with its one-line explanation.
    public init(_ description: String) { self.description = description }
}
