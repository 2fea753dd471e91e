import Foundation
import HardwareSimServer
import Hummingbird
import Logging
import ServiceLifecycle

/// `kiosk-hwsim --config FILE`: serves the configured emulated devices on PTYs and the control
/// API on loopback. Exit status 0 after SIGTERM/SIGINT, 2 for a bad configuration, 1 otherwise.
@main
struct KioskHWSim {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count == 2, arguments[0] == "--config" else {
            FileHandle.standardError.write(Data("usage: kiosk-hwsim --config FILE\n".utf8))
            exit(2)
        }
        let configuration: HardwareSimConfiguration
        do {
            configuration = try HardwareSimConfiguration.load(path: arguments[1])
        } catch {
            FileHandle.standardError.write(Data("kiosk-hwsim: config: \(error)\n".utf8))
            exit(2)
        }
        let logger = Logger(label: "kiosk-hwsim")
        do {
            let simulator = try HardwareSimulator(configuration: configuration, logger: logger)
            let router = Router()
            ControlRoutes.register(on: router, simulator: simulator)
            let control = Application(
                router: router,
                configuration: .init(
                    address: .hostname(configuration.control.host, port: configuration.control.port),
                    serverName: "kiosk-hwsim"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? configuration.control.port
                    logger.notice("kiosk-hwsim control listening",
                                  metadata: ["http.url": "http://\(configuration.control.host):\(port)"])
                },
                logger: logger)
            let group = ServiceGroup(configuration: .init(
                services: [.init(service: simulator), .init(service: control)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            logger.critical("kiosk-hwsim failed", metadata: ["error": "\(error)"])
            exit(1)
        }
    }
}
