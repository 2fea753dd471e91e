import DeviceProtocols
import Foundation
import HardwareSims
import Logging

/// Serves one emulated ESC/POS printer the two ways a receipt printer is reached: on a
/// pseudo-terminal with a stable symlink (a USB/serial printer's `/dev/usb/lp0` or
/// `/dev/ttyUSB0`) and on a TCP port (a network printer's 9100, one connection at a time).
/// Both feed the same printer: one parser, one paper roll, one page list. Unplugging closes
/// the PTY (its link disappears), the listener (connections are refused) and the open
/// connection; replugging serves a new PTY at the same link and listens on the same port.
public final class PrinterHost: Sendable {
    /// The printer id.
    public let id: String
    /// The emulator behind both ports; its control API is used directly.
    public let emulator: EscPosPrinterEmulator
    /// The symlink a driver opens.
    public let link: String
    /// Paper width in dots.
    public let paperWidth: Int
    /// The TCP interface address.
    public let tcpHost: String
    /// The configured TCP port (0 = any free one; `plug.tcpPort` says which).
    public let configuredPort: UInt16
    /// The printer's plug (power and cables).
    public let plug: DevicePlug

    /// A host for the printer described by `printer`, with its fault plan installed.
    /// - Throws: `HardwareSimConfigurationError` for an unreadable fault plan,
    ///   `PrinterControlError` for an impossible paper width.
    public init(printer: HardwareSimConfiguration.Printer, logger: Logger) throws {
        id = printer.id
        link = printer.link
        paperWidth = printer.paperWidthDots
        tcpHost = printer.tcp.host
        configuredPort = UInt16(clamping: printer.tcp.port)
        let core = try EscPosPrinterEmulatorCore(paperWidth: printer.paperWidthDots, faults: try printer.faultPlan())
        emulator = EscPosPrinterEmulator(core: core)
        plug = DevicePlug(kind: "printer", id: printer.id, logger: logger)
    }

    /// Serves the PTY and the TCP port until cancelled, each again after every replug.
    /// - Throws: `HALError` when the PTY or the first TCP listener cannot be opened.
    public func run() async throws {
        let emulator = emulator
        let serve: StreamServer = { stream in try await emulator.serve(on: stream) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.plug.servePTY(link: self.link, serve) }
            group.addTask { try await self.plug.serveTCP(host: self.tcpHost, port: self.configuredPort, serve) }
            try await group.waitForAll()
        }
    }
}
