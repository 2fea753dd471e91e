import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import OneStopWire
import ServiceLifecycle

/// onestop-sim as a service: the contract routes and the control API on one HTTP/1 listener,
/// with the fault handler in every connection's pipeline.
public struct OneStopSimServer: Service {
    /// The backend (database, clock, payments).
    public let backend: OneStopBackend
    /// The installed fault plan.
    public let faults: FaultController
    let application: Application<RouterResponder<BasicRequestContext>>

    /// Builds the server; `onListening` receives the bound port (useful with port 0). Fault
    /// durations (outages, latency, timeout holds) are measured on `faultClock`.
    /// - Throws: as `OneStopBackend.init`.
    public init(
        configuration: OneStopSimConfiguration, now: @escaping @Sendable () -> Date = { Date() },
        faultClock: FaultClock = .continuous, logger: Logger = Logger(label: "onestop-sim"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws {
        let backend = try OneStopBackend(configuration: configuration, now: now, logger: logger)
        let faults = FaultController(clock: faultClock)
        let router = Router()
        ContractRoutes.register(on: router, backend: backend, faults: faults)
        ControlRoutes.register(on: router, backend: backend, faults: faults)
        self.backend = backend
        self.faults = faults
        application = Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [FaultChannelHandler(faults: faults)])),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "onestop-sim"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                logger.notice("onestop-sim listening", metadata: ["http.url": "http://\(configuration.host):\(port)"])
                await onListening(port)
            },
            logger: logger)
    }

    /// Serves until cancelled or gracefully shut down.
    public func run() async throws {
        try await application.runService()
    }
}
