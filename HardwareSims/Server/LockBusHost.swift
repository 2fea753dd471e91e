import Foundation
import HardwareSims
import Logging

/// Serves one emulated lock bus on a pseudo-terminal with a stable symlink, the way a USB-serial
/// adapter appears as `/dev/ttyUSB0`. Unplugging (`plug.unplug()`) tears the PTY down (the
/// driver sees `.disconnected`); `plug.replug()` creates a new one at the same link, as when an
/// adapter returns.
public final class LockBusHost: Sendable {
    /// The bus id.
    public let id: String
    /// The emulator behind the port; its control API is used directly.
    public let emulator: LockBoardEmulator
    /// The symlink a driver opens.
    public let link: String
    /// The family name, `kerong` or `wkly`.
    public let family: String
    /// The adapter's plug.
    public let plug: DevicePlug

    /// A host for the bus described by `bus`.
    /// - Throws: `HardwareSimConfigurationError` or `LockControlError` for an invalid bus.
    public init(bus: HardwareSimConfiguration.LockBus, logger: Logger) throws {
        id = bus.id
        link = bus.link
        family = bus.family
        emulator = LockBoardEmulator(core: try LockBoardEmulatorCore(configuration: try bus.emulatorConfiguration()))
        plug = DevicePlug(kind: "lock bus", id: bus.id, logger: logger)
    }

    /// Serves until cancelled: a PTY at `link`, the emulator on its master side; after an unplug,
    /// waits for a replug and serves a new PTY at the same link.
    /// - Throws: `HALError` when no PTY can be created or the link directory cannot be made.
    public func run() async throws {
        let emulator = emulator
        try await plug.servePTY(link: link) { stream in try await emulator.serve(on: stream) }
    }
}
