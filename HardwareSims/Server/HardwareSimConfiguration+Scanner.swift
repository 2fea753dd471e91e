import HardwareSims

extension HardwareSimConfiguration {
    /// One emulated QR scanner served on a PTY: a serial (CDC-ACM) scanner sending lines, or a
    /// keyboard-wedge scanner sending evdev key records.
    public struct Scanner: Sendable, Equatable, Decodable {
        /// Scanner id used in the control API, e.g. `scanner0`.
        public var id: String
        /// `serial` or `wedge`.
        public var mode: String
        /// Serial line terminator: `cr` (default), `crlf` or `lf`; serial mode only.
        public var suffix: String?
        /// Whether each serial line starts with the AIM identifier `]Q1` (default false); serial mode only.
        public var aimPrefix: Bool?
        /// Stable symlink to the PTY that a driver opens; its directory is created if missing.
        public var link: String

        /// A scanner.
        public init(id: String, mode: String = "serial", suffix: String? = nil, aimPrefix: Bool? = nil, link: String) {
            self.id = id
            self.mode = mode
            self.suffix = suffix
            self.aimPrefix = aimPrefix
            self.link = link
        }

        /// The configuration names of the serial line terminators.
        public static let suffixes: [String: ScannerEmulator.LineSuffix] = [
            "cr": .carriageReturn, "crlf": .carriageReturnLineFeed, "lf": .lineFeed,
        ]

        /// The emulator mode this scanner describes.
        /// - Throws: `HardwareSimConfigurationError` for an unknown mode or suffix, or serial
        ///   options given to a wedge.
        public func emulatorMode() throws -> ScannerEmulator.Mode {
            switch mode {
            case "serial":
                let name = suffix ?? "cr"
                guard let lineSuffix = Self.suffixes[name] else {
                    throw HardwareSimConfigurationError("suffix must be cr, crlf or lf, not '\(name)'")
                }
                return .serialLine(suffix: lineSuffix, aimPrefix: aimPrefix ?? false)
            case "wedge":
                guard suffix == nil, aimPrefix == nil else {
                    throw HardwareSimConfigurationError("suffix and aimPrefix apply to serial mode only")
                }
                return .keyboardWedge
            default:
                throw HardwareSimConfigurationError("mode must be serial or wedge, not '\(mode)'")
            }
        }
    }

    /// Checks each scanner's id, mode and link.
    func validateScanners(links: inout LinkRegistry) throws {
        var seen: Set<String> = []
        for scanner in scanners {
            try Self.checkID(scanner.id, of: "scanner", unique: &seen)
            do {
                _ = try scanner.emulatorMode()
            } catch {
                throw HardwareSimConfigurationError("scanner '\(scanner.id)': \(error)")
            }
            try links.claim(scanner.link, by: "scanner '\(scanner.id)'")
        }
    }
}
