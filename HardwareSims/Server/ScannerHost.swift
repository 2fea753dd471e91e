import Foundation
import HardwareSims
import Logging

/// Serves one emulated QR scanner on a pseudo-terminal with a stable symlink, as a CDC-ACM
/// scanner appears as `/dev/ttyACM0` (keyboard-wedge records are written the same way, for a
/// driver reading them as it reads an evdev node). Unplugging closes the PTY and removes the
/// link; replugging serves a new PTY at the same link. Scans made while unplugged wait in the
/// emulator's queue and go out on the next port.
public final class ScannerHost: Sendable {
    /// The scanner id.
    public let id: String
    /// The emulator behind the port; its control API is used directly.
    public let emulator: ScannerEmulator
    /// The symlink a driver opens.
    public let link: String
    /// The configuration as given (mode, suffix, prefix), for the control API.
    public let configuration: HardwareSimConfiguration.Scanner
    /// The scanner's plug.
    public let plug: DevicePlug

    /// A host for the scanner described by `scanner`.
    /// - Throws: `HardwareSimConfigurationError` for an unknown mode or suffix.
    public init(scanner: HardwareSimConfiguration.Scanner, logger: Logger) throws {
        id = scanner.id
        link = scanner.link
        configuration = scanner
        emulator = ScannerEmulator(mode: try scanner.emulatorMode())
        plug = DevicePlug(kind: "scanner", id: scanner.id, logger: logger)
    }

    /// Serves until cancelled, a new PTY at the same link after every replug.
    /// - Throws: `HALError` when no PTY can be created or the link directory cannot be made.
    public func run() async throws {
        let emulator = emulator
        try await plug.servePTY(link: link) { stream in try await emulator.serve(on: stream) }
    }
}
