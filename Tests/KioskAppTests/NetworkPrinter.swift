import DeviceTransports
import HardwareSims
import KioskHAL

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
        while !Task.isCancelled {
            do {
                let connection = try await listener.accept(timeout: .seconds(1))
                try? await emulator.serve(on: connection, poll: .milliseconds(20))
                await connection.close()
            } catch let error as HALError where error.kind == .timedOut {
                continue
            } catch {
                return
            }
        }
    }
}
