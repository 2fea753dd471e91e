import Foundation
import Hummingbird
import OneStopWire

/// Plays the installed faults around one contract operation: latency and `error`/`timeout`
/// before the handler runs, `lostResponse`/`malformed` after it has committed.
struct FaultPlayer: Sendable {
    let faults: FaultController

    /// Runs `handler` for `operation` under the current fault plan.
    func play(operation: String, _ handler: () async throws -> WireAnswer) async throws -> Response {
        let decision = faults.decide(operation: operation)
        if decision.latencyMilliseconds > 0 {
            try await faults.clock.sleep(for: .milliseconds(decision.latencyMilliseconds))
        }
        guard let rule = decision.fault else { return try await run(handler).response }
        switch rule.fault {
        case .error:
            return WireResponse.problem(unavailable(rule.status ?? 503, "injected error")).response
        case .timeout:
            await hold(milliseconds: rule.milliseconds ?? 120_000)
            return WireResponse.problem(unavailable(504, "injected timeout ended")).response
        case .lostResponse:
            _ = try await run(handler)
            if let status = rule.status {
                return WireResponse.problem(unavailable(status, "injected: the change was committed, the answer lost")).response
            }
            var answer = WireResponse.problem(unavailable(500, "dropped"))
            answer.headers[FaultChannelHandler.dropMarker] = "1"
            return answer.response
        case .malformed:
            let real = try await run(handler)
            return WireAnswer(status: .ok, data: garbage(rule.malformed ?? .wrongTypes, real: real.data), contentType: OneStopJSON.mediaType)
                .response
        case .latency, .refuseConnections:
            return try await run(handler).response
        }
    }

    /// The handler's answer, with thrown problems turned into problem answers.
    private func run(_ handler: () async throws -> WireAnswer) async throws -> WireAnswer {
        do {
            return try await handler()
        } catch let problem as OneStopProblem {
            return WireResponse.problem(problem)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return WireResponse.problem(
                OneStopProblem(code: .internalError, title: "Internal error", status: 500, detail: "\(error)"))
        }
    }

    /// Waits until `milliseconds` pass on the fault clock, the plan changes, or the request task is cancelled.
    private func hold(milliseconds: Int) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await faults.changes.wait(for: "plan") }
            group.addTask { try? await faults.clock.sleep(for: .milliseconds(milliseconds)) }
            await group.next()
            group.cancelAll()
        }
    }

    private func unavailable(_ status: Int, _ detail: String) -> OneStopProblem {
        OneStopProblem(
            code: status == 503 ? .unavailable : .internalError, title: "Injected fault", status: status, detail: detail)
    }

    /// The garbage body for `kind`, derived from the real answer where that matters.
    private func garbage(_ kind: FaultPlan.Garbage, real: Data) -> Data {
        switch kind {
        case .wrongTypes:
            return Data(#"{"ConTro":17,"ConNua":"yes","DanhSach":{},"DaXoa":null,"DaNhan":"all","TuChoi":1,"SoThuTuCuoi":"x","PhienBan":"?","TrangThai":0}"#.utf8)
        case .truncated:
            return real.prefix(max(1, real.count / 2))
        case .invalidUTF8:
            return Data([0x7B, 0x22, 0x43, 0x6F, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x3A, 0xE2, 0x82, 0x7D])
        case .huge:
            var data = Data(#"{"ConTro":""#.utf8)
            data.append(Data(repeating: UInt8(ascii: "x"), count: 16 * 1024 * 1024))
            data.append(Data(#""}"#.utf8))
            return data
        case .missingFields:
            return withoutScalarMembers(real)
        }
    }

    /// `real` with every scalar member of its top-level object removed (`{}` when it is not an
    /// object), re-encoded as JSON.
    private func withoutScalarMembers(_ real: Data) -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: real)) as? [String: Any] else { return Data("{}".utf8) }
        object = object.filter { _, value in value is [Any] || value is [String: Any] }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}

