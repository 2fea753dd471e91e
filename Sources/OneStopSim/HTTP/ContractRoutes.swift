import Foundation
import Hummingbird
import OneStopWire

/// The contract of `docs/onestop-sync.openapi.yaml` under `/api/v1/kiosks/{MaKiosk}`: bearer
/// authentication per kiosk, then each operation under the fault plan.
enum ContractRoutes {
    /// The largest request body read, bytes.
    static let maximumBodySize = 1_048_576

    /// Registers the contract's operations on `router`.
    static func register<Context: RequestContext>(on router: Router<Context>, backend: OneStopBackend, faults: FaultController) {
        let player = FaultPlayer(faults: faults)
        let kiosks = router.group("api/v1/kiosks/:MaKiosk")

        @Sendable func route(
            _ operation: String, _ request: Request, _ context: Context,
            _ body: @escaping @Sendable (String) async throws -> WireAnswer
        ) async throws -> Response {
            try await play(operation, request, kiosk: context.parameters.get("MaKiosk") ?? "", backend, player, body)
        }

        kiosks.get("ho-so-tra") { request, context in
            try await route("getManifest", request, context) { _ in
                let query = request.uri.queryParameters
                let cursor = query.get("ConTro").map { String($0) }
                if let cursor, cursor.isEmpty || cursor.utf8.count > 200 { throw ManifestCursor.invalid }
                let limit = try integer(query.get("SoLuong").map { String($0) }, name: "SoLuong", range: 1...500) ?? 100
                return try WireResponse.json(try await backend.manifest(cursor: cursor, limit: limit))
            }
        }
        kiosks.post("su-kien") { request, context in
            try await route("postEvents", request, context) { kiosk in
                let batch = try await decode(OneStopEventBatch.self, request)
                return try WireResponse.json(try await backend.receive(kiosk: kiosk, batch: batch))
            }
        }
        kiosks.post("tra-cuu") { request, context in
            try await route("lookupStatus", request, context) { _ in
                let query = try await decode(OneStopStatusQuery.self, request)
                guard query.ownerIDLastFour.utf8.count == 4, query.ownerIDLastFour.allSatisfy(\.isASCIIDigitCharacter),
                    (1...64).contains(query.dossierCode.utf8.count)
                else { throw WireResponse.badRequest("SoGiayToCuoi must be 4 digits and MaHoSo 1-64 characters") }
                return try WireResponse.json(try await backend.lookup(query))
            }
        }
        kiosks.get("thu-tuc") { request, context in
            try await route("getProcedureCatalogue", request, context) { _ in try WireResponse.json(try await backend.catalogue()) }
        }
        kiosks.get("can-bo") { request, context in
            try await route("getStaffDirectory", request, context) { _ in try WireResponse.json(try await backend.staffDirectory()) }
        }
        kiosks.post("thanh-toan") { request, context in
            try await route("createPayment", request, context) { kiosk in
                let order = try await decode(OneStopPaymentOrder.self, request)
                guard (1...64).contains(order.dossierCode.utf8.count) else { throw WireResponse.badRequest("MaHoSo must be 1-64 characters") }
                let (payment, created) = try await backend.createPayment(kiosk: kiosk, order)
                return try WireResponse.json(payment, status: created ? .created : .ok)
            }
        }
        kiosks.get("thanh-toan/:MaYeuCau") { request, context in
            let id = context.parameters.get("MaYeuCau") ?? ""
            return try await route("getPayment", request, context) { _ in
                let wait = try integer(request.uri.queryParameters.get("ChoToiDa").map { String($0) }, name: "ChoToiDa", range: 0...30) ?? 0
                return try WireResponse.json(try await backend.payment(id: id, wait: .seconds(wait)))
            }
        }
        kiosks.post("nhip-tim") { request, context in
            try await route("postHeartbeat", request, context) { kiosk in
                let heartbeat = try await decode(OneStopHeartbeat.self, request)
                guard heartbeat.outboxDepth >= 0, heartbeat.lastAcknowledgedSeq >= 0 else {
                    throw WireResponse.badRequest("SoSuKienChoGui and SoThuTuDaXacNhan must be >= 0")
                }
                return try WireResponse.json(try await backend.heartbeat(kiosk: kiosk, heartbeat))
            }
        }
    }

    /// Authenticates, then plays `operation` for `kiosk` under the fault plan.
    static func play(
        _ operation: String, _ request: Request, kiosk: String, _ backend: OneStopBackend, _ player: FaultPlayer,
        _ body: @escaping @Sendable (String) async throws -> WireAnswer
    ) async throws -> Response {
        if var problem = authenticate(request, kiosk: kiosk, backend: backend) {
            problem.instance = request.uri.path
            return WireResponse.problem(problem).response
        }
        return try await player.play(operation: operation) { try await body(kiosk) }
    }

    /// `nil` when the bearer token belongs to `kiosk`; otherwise the 401 or 403 problem.
    static func authenticate(_ request: Request, kiosk: String, backend: OneStopBackend) -> OneStopProblem? {
        let header = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), let owner = backend.kiosk(forToken: String(header.dropFirst(prefix.count))) else {
            return OneStopProblem(
                code: .unauthorized, title: "Unauthorized", status: 401, detail: "a valid kiosk bearer token is required")
        }
        guard owner == kiosk else {
            return OneStopProblem(code: .forbidden, title: "Forbidden", status: 403, detail: "the token belongs to another kiosk")
        }
        return nil
    }

    /// Reads and decodes a JSON body of at most `maximumBodySize` bytes.
    /// - Throws: `OneStopProblem` 413 `body-too-large` or 400 `bad-request` naming the decoding error.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        var body = request.body
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: maximumBodySize)
        } catch {
            throw OneStopProblem(
                code: .bodyTooLarge, title: "Body too large", status: 413, detail: "at most \(maximumBodySize) bytes")
        }
        do {
            return try OneStopJSON.decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw WireResponse.badRequest("the body is not a valid \(T.self): \(DecodingErrorText.describe(error))")
        } catch {
            throw WireResponse.badRequest("the body is not JSON")
        }
    }

    /// A decimal query parameter within `range`; `nil` when absent.
    static func integer(_ text: String?, name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw WireResponse.badRequest("\(name) must be an integer \(range.lowerBound)-\(range.upperBound)")
        }
        return value
    }
}
