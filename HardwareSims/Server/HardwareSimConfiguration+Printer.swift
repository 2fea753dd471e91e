import Foundation
import HardwareSims

extension HardwareSimConfiguration {
    /// One emulated ESC/POS receipt printer, served on a PTY (as a USB/serial printer) and on a
    /// TCP port (as a network printer) at once.
    public struct Printer: Sendable, Equatable, Decodable {
        /// The printer's TCP listener.
        public struct TCP: Sendable, Equatable, Decodable {
            /// Numeric interface address, e.g. `127.0.0.1`.
            public var host: String
            /// TCP port, 0–65535 (0 picks a free one, announced in the log and the control API).
            public var port: Int

            /// A listener.
            public init(host: String = "127.0.0.1", port: Int) {
                self.host = host
                self.port = port
            }
        }

        /// Where the printer's fault plan comes from.
        public enum Faults: Sendable, Equatable, Decodable {
            /// A `PrinterFaultPlan` JSON file, relative to the configuration file's directory.
            case file(String)
            /// The plan itself.
            case inline(PrinterFaultPlan)

            public init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let path = try? container.decode(String.self) {
                    self = .file(path)
                } else {
                    self = .inline(try container.decode(PrinterFaultPlan.self))
                }
            }
        }

        /// Printer id used in the control API, e.g. `printer0`.
        public var id: String
        /// Paper width in dots: 384 (58 mm), 512 or 576 (80 mm).
        public var paperWidthDots: Int
        /// Stable symlink to the PTY that a driver opens; its directory is created if missing.
        public var link: String
        /// The TCP listener (port 9100 on a real network printer).
        public var tcp: TCP
        /// A fault plan installed when the printer starts, if any.
        public var faults: Faults?

        /// A printer.
        public init(id: String, paperWidthDots: Int = 576, link: String, tcp: TCP, faults: Faults? = nil) {
            self.id = id
            self.paperWidthDots = paperWidthDots
            self.link = link
            self.tcp = tcp
            self.faults = faults
        }

        /// The paper widths a printer may have.
        public static let paperWidths = [384, 512, 576]

        /// The fault plan to install at start: the inline one, or the file read relative to the
        /// working directory; an empty plan when none is configured.
        /// - Throws: `HardwareSimConfigurationError` when the file cannot be read or is no plan.
        public func faultPlan() throws -> PrinterFaultPlan {
            switch faults {
            case nil: return PrinterFaultPlan()
            case let .inline(plan): return plan
            case let .file(path): return try Self.readPlan(at: path, printer: id)
            }
        }

        /// Replaces a fault-plan file by its contents, reading it relative to `directory`.
        /// - Throws: `HardwareSimConfigurationError` when the file cannot be read or is no plan.
        mutating func readFaultPlanFile(relativeTo directory: String) throws {
            guard case let .file(path) = faults else { return }
            let resolved = path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).path
            faults = .inline(try Self.readPlan(at: resolved, printer: id))
        }

        private static func readPlan(at path: String, printer: String) throws -> PrinterFaultPlan {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw HardwareSimConfigurationError("printer '\(printer)': cannot read the fault plan \(path)")
            }
            do {
                return try JSONProblem.decode(PrinterFaultPlan.self, from: data, whole: "not JSON")
            } catch {
                throw HardwareSimConfigurationError("printer '\(printer)': the fault plan \(path) is not a printer fault plan: \(error)")
            }
        }
    }

    /// Checks each printer's id, width, link and TCP listener.
    func validatePrinters(links: inout LinkRegistry) throws {
        var seen: Set<String> = []
        for printer in printers {
            try Self.checkID(printer.id, of: "printer", unique: &seen)
            let owner = "printer '\(printer.id)'"
            guard Printer.paperWidths.contains(printer.paperWidthDots) else {
                throw HardwareSimConfigurationError("\(owner): paperWidthDots must be 384, 512 or 576, not \(printer.paperWidthDots)")
            }
            try links.claim(printer.link, by: owner)
            guard !printer.tcp.host.isEmpty else { throw HardwareSimConfigurationError("\(owner): tcp.host must not be empty") }
            guard (0...65535).contains(printer.tcp.port) else {
                throw HardwareSimConfigurationError("\(owner): tcp.port must be 0–65535, not \(printer.tcp.port)")
            }
            try links.claim(port: printer.tcp.port, by: owner)
        }
    }
}
