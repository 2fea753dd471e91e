import Foundation
import HardwareSims

/// What `kiosk-hwsim` emulates and where it serves it, read from a JSON file:
///
/// ```json
/// { "control": { "host": "127.0.0.1", "port": 8090 },
///   "lockBuses": [ { "id": "lockbus0", "family": "kerong", "boards": [0, 1],
///                    "link": "/tmp/kiosk-hwsim/lockbus0" } ] }
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

    private enum CodingKeys: String, CodingKey { case control, lockBuses }

    /// A configuration.
    public init(control: Control = Control(), lockBuses: [LockBus]) {
        self.control = control
        self.lockBuses = lockBuses
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        control = try container.decodeIfPresent(Control.self, forKey: .control) ?? Control()
        lockBuses = try container.decode([LockBus].self, forKey: .lockBuses)
    }

    /// Reads and validates the file at `path`.
    /// - Throws: `HardwareSimConfigurationError` naming the file or the offending bus.
    public static func load(path: String) throws -> HardwareSimConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw HardwareSimConfigurationError("cannot read \(path)")
        }
        let configuration: HardwareSimConfiguration
        do {
            configuration = try JSONDecoder().decode(HardwareSimConfiguration.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw HardwareSimConfigurationError(
                "missing key '\((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw HardwareSimConfigurationError("wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch {
            throw HardwareSimConfigurationError("the file is not valid configuration JSON")
        }
        try configuration.validate()
        return configuration
    }

    /// Checks ids, families, ports and every bus's emulator configuration.
    /// - Throws: `HardwareSimConfigurationError` naming the first problem.
    public func validate() throws {
        guard (0...65535).contains(control.port) else {
            throw HardwareSimConfigurationError("control.port must be 0–65535")
        }
        var seen: Set<String> = []
        var links: Set<String> = []
        for bus in lockBuses {
            guard !bus.id.isEmpty, bus.id.count <= 32 else { throw HardwareSimConfigurationError("a lock bus id must be 1–32 characters") }
            guard seen.insert(bus.id).inserted else { throw HardwareSimConfigurationError("lock bus '\(bus.id)' is defined twice") }
            guard links.insert(bus.link).inserted else {
                throw HardwareSimConfigurationError("lock bus '\(bus.id)' reuses the link \(bus.link)")
            }
            do {
                try bus.emulatorConfiguration().validate()
            } catch {
                throw HardwareSimConfigurationError("lock bus '\(bus.id)': \(error)")
            }
        }
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
