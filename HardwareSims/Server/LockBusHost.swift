import DeviceTransports
import Foundation
import HardwareSims
import KioskHAL
import Logging

/// Serves one emulated lock bus on a pseudo-terminal with a stable symlink, the way a USB-serial
/// adapter appears as `/dev/ttyUSB0`. `unplug()` tears the PTY down (the driver sees
/// `.disconnected`); `replug()` creates a new one at the same link, as when an adapter returns.
public actor LockBusHost {
    /// The bus id.
    public nonisolated let id: String
    /// The emulator behind the port; its control API is used directly.
    public nonisolated let emulator: LockBoardEmulator
    /// The symlink a driver opens.
    public nonisolated let link: String
    /// The family name, `kerong` or `wkly`.
    public nonisolated let family: String
    private let logger: Logger
    private var terminal: PseudoTerminal?
    private let replugs: AsyncStream<Void>
    private let replugContinuation: AsyncStream<Void>.Continuation

    /// A host for the bus described by `bus`.
    /// - Throws: `HardwareSimConfigurationError` or `LockControlError` for an invalid bus.
    public init(bus: HardwareSimConfiguration.LockBus, logger: Logger) throws {
        id = bus.id
        link = bus.link
        family = bus.family
        emulator = LockBoardEmulator(core: try LockBoardEmulatorCore(configuration: try bus.emulatorConfiguration()))
        self.logger = logger
        (replugs, replugContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Whether a PTY is currently served.
    public var isPlugged: Bool { terminal != nil }

    /// Serves until cancelled: a PTY at `link`, the emulator on its master side; after an unplug,
    /// waits for `replug()` and serves a new PTY at the same link.
    /// - Throws: `HALError` when no PTY can be created or the link directory cannot be made.
    public func run() async throws {
        try FileManager.default.createDirectory(
            atPath: (link as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        while !Task.isCancelled {
            let pty = try PseudoTerminal(name: id, linkPath: link)
            terminal = pty
            logger.notice("lock bus serving", metadata: ["bus.id": "\(id)", "bus.link": "\(link)", "pty": "\(pty.slavePath)"])
            do {
                try await emulator.serve(on: pty.master)
            } catch {
                logger.error("lock bus stopped", metadata: ["bus.id": "\(id)", "error": "\(error)"])
            }
            await pty.close()
            terminal = nil
            guard !Task.isCancelled else { break }
            logger.notice("lock bus unplugged", metadata: ["bus.id": "\(id)"])
            for await _ in replugs { break }
        }
        await terminal?.close()
        terminal = nil
    }

    /// Pulls the port: the PTY and its link disappear until `replug()`.
    public func unplug() async {
        await terminal?.close()
    }

    /// Puts the port back (a new PTY at the same link). Harmless while plugged.
    public func replug() {
        replugContinuation.yield()
    }
}
