import Foundation
import HardwareSimServer
import Hummingbird
import Logging
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `kiosk-hwsim`'s simulator and control API run inside the test process: the real routes on
/// a free loopback port, the real PTYs and TCP listeners, reached with real HTTP.
struct InProcessHardwareSim {
    /// The simulator, for reading host state directly.
    let simulator: HardwareSimulator
    /// The control API's base URL, e.g. `http://127.0.0.1:40123`.
    let base: URL

    /// Runs `body` against a simulator serving `configuration`; everything stops afterwards.
    static func with(
        _ configuration: HardwareSimConfiguration, _ body: @Sendable (InProcessHardwareSim) async throws -> Void
    ) async throws {
        var logger = Logger(label: "kiosk-hwsim-test")
        logger.logLevel = .warning
        let simulator = try HardwareSimulator(configuration: configuration, logger: logger)
        let router = Router()
        ControlRoutes.register(on: router, simulator: simulator)
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in announce.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await simulator.run() }
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
            try await body(InProcessHardwareSim(simulator: simulator, base: base))
            group.cancelAll()
        }
    }

    /// Sends `method` to `path` with `body`; returns the status, the body and the content type.
    func call(_ method: String, _ path: String, body: Data? = nil) async throws -> HTTPReply {
        try await HTTPReply.call(method, base.appendingPathComponent(path), body: body)
    }

    /// `call` with a JSON text body.
    func call(_ method: String, _ path: String, json: String) async throws -> HTTPReply {
        try await call(method, path, body: Data(json.utf8))
    }
}

/// One HTTP answer.
struct HTTPReply: Sendable {
    let status: Int
    let data: Data
    let contentType: String?

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// Sends `method` to `url` with `body` and waits for the answer (60 s hang guard).
    static func call(_ method: String, _ url: URL, body: Data? = nil) async throws -> HTTPReply {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return HTTPReply(status: http?.statusCode ?? 0, data: data, contentType: http?.value(forHTTPHeaderField: "Content-Type"))
    }

    /// The message of a `{"error": {"message": …}}` body.
    var errorMessage: String? {
        (json["error"] as? [String: Any])?["message"] as? String
    }
}
