import DeviceTransports
import HardwareSims

/// The ESC/POS printer emulator behind a loopback TCP listener, as a network printer on port
/// 9100: serves every connection the driver makes, one at a time.
struct NetworkPrinter: Sendable {
    let listener: TCPListener
    let emulator: EscPosPrinterEmulator

    /// A printer listening on `port` (0 picks a free one).
    init(port: UInt16) throws {
        listener = try TCPListener(host: "127.0.0.1", port: port, name: "printer0-9100")
        emulator = EscPosPrinterEmulator(core: try EscPosPrinterEmulatorCore(paperWidth: 576))
    }

    /// Serves until cancelled or the listener closes.
    func serve() async {
        await emulator.serveConnections(from: listener)
    }
}
