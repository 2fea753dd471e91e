import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import OneStopSim
import OneStopWire

/// A real onestop-sim on a loopback port chosen by the kernel, seeded from `data/seed/`, with
/// fresh random tokens, and a real HTTP client to call it.
struct SimHarness: Sendable {
    /// An answer as the client saw it.
    struct Answer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        /// The body decoded with the contract's decoder.
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try OneStopJSON.decode(type, from: body) }
    }

    static let kiosk = "KVT01"
    static let otherKiosk = "KVT02"
    static let seedDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/seed").path

    let port: Int
    let token: String
    let otherToken: String
    let server: OneStopSimServer
    let client: HTTPClient

    /// A random 32-character token.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String("0123456789abcdef".randomElement(using: &generator) ?? "0") }.joined()
    }

    /// Runs `body` against a fresh simulator whose fault durations run on `faultClock`, then stops it.
    static func run(
        now: @escaping @Sendable () -> Date = { Date() }, faultClock: FaultClock = .continuous,
        _ body: @Sendable (SimHarness) async throws -> Void
    ) async throws {
        let token = newToken()
        let otherToken = newToken()
        let configuration = OneStopSimConfiguration(
            port: 0, dossierSeedPath: seedDirectory + "/dossiers.json", procedureSeedPath: seedDirectory + "/procedures.json",
            kioskTokens: [kiosk: token, otherKiosk: otherToken], hashIterations: 1_000, codeSeed: 42)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "onestop-sim-test")
        logger.logLevel = .critical  // cancellation at the end of a test is logged as errors by the server
        let server = try OneStopSimServer(configuration: configuration, now: now, faultClock: faultClock, logger: logger) { port in
            continuation.yield(port)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            let harness = SimHarness(
                port: port, token: token, otherToken: otherToken, server: server, client: HTTPClient(eventLoopGroupProvider: .singleton))
            do {
                try await body(harness)
            } catch {
                try? await harness.client.shutdown()
                group.cancelAll()
                throw error
            }
            try await harness.client.shutdown()
            group.cancelAll()
        }
    }

    /// One request; `token` nil sends no Authorization header.
    func call(
        _ method: HTTPMethod, _ path: String, body: Data? = nil, token: String?? = .none, client: HTTPClient? = nil,
        timeout: Int64 = 30
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        let bearer = token ?? self.token
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await (client ?? self.client).execute(request, timeout: .seconds(timeout))
        let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Data(buffer.readableBytesView))
    }

    /// A contract call whose 200/201 body is decoded as `T`.
    func wire<T: Decodable>(_ type: T.Type, _ method: HTTPMethod, _ path: String, body: (some Encodable)? = Optional<Int>.none) async throws -> T {
        let data = try body.map { try OneStopJSON.encode($0) }
        let answer = try await call(method, path, body: data)
        guard (200...201).contains(answer.status) else {
            throw HarnessError.unexpectedStatus(answer.status, String(decoding: answer.body, as: UTF8.self))
        }
        return try answer.decode(type)
    }

    /// Sends a batch of events for `kiosk`.
    func send(_ events: [OneStopEvent]) async throws -> OneStopEventBatchResult {
        try await wire(
            OneStopEventBatchResult.self, .POST, OneStopPaths.events(kiosk: Self.kiosk),
            body: OneStopEventBatch(kioskID: Self.kiosk, events: events))
    }

    /// A control call decoded as `T`.
    func control<T: Decodable>(_ type: T.Type, _ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> T {
        let answer = try await call(method, "/control/\(path)", body: json.map { Data($0.utf8) }, token: .some(nil))
        guard answer.status == 200 else {
            throw HarnessError.unexpectedStatus(answer.status, String(decoding: answer.body, as: UTF8.self))
        }
        return try answer.decode(type)
    }

    /// Installs a fault plan.
    func installFaults(_ plan: FaultPlan) async throws {
        let json = String(decoding: try OneStopJSON.encode(plan), as: UTF8.self)
        _ = try await control(FaultController.Snapshot.self, .PUT, "faults", json: json)
    }

    /// Every page of the manifest from `cursor` until `ConNua` is false.
    func allPages(from cursor: String? = nil, pageSize: Int = 100) async throws -> [OneStopManifestPage] {
        var pages: [OneStopManifestPage] = []
        var cursor = cursor
        repeat {
            var path = OneStopPaths.manifest(kiosk: Self.kiosk) + "?SoLuong=\(pageSize)"
            if let cursor { path += "&ConTro=\(cursor)" }
            let page = try await wire(OneStopManifestPage.self, .GET, path)
            pages.append(page)
            cursor = page.cursor
        } while pages.last?.hasMore == true && pages.count < 1000
        return pages
    }
}

enum HarnessError: Error {
    case unexpectedStatus(Int, String)
}

/// Event builders.
enum Events {
    static let at = OneStopDateFormat.date(from: "2025-11-12T21:47:05.000+07:00") ?? Date(timeIntervalSince1970: 0)

    static func loaded(_ seq: Int64, _ code: String, slot: String = "B-07", id: UUID = UUID()) throws -> OneStopEvent {
        try OneStopEvent(
            id: id, seq: seq, kind: .resultLoaded, occurredAt: at, dossierCode: code,
            encoding: OneStopResultLoaded(slot: slot, slotSize: .small))
    }

    static func handedOut(_ seq: Int64, _ code: String, id: UUID = UUID()) throws -> OneStopEvent {
        try OneStopEvent(
            id: id, seq: seq, kind: .resultHandedOut, occurredAt: at, dossierCode: code,
            encoding: OneStopResultHandedOut(slot: "B-07", authenticationMethod: .dossierCodeAndPickupCode))
    }

    static func incident(_ seq: Int64, id: UUID = UUID()) -> OneStopEvent {
        OneStopEvent(id: id, seq: seq, kind: .incident, occurredAt: at, dossierCode: nil, details: .object(["MoTa": .string("door")]))
    }
}
