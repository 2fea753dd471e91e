import Foundation
import Hummingbird
import OneStopWire

/// The simulator's control API under `/control` (loopback tooling, not part of the contract):
///
/// | method and path | does |
/// |---|---|
/// | `GET /control/health` | `{"status":"ok","contract":"1.0.0"}` |
/// | `GET /control/sms` | the SMS log, oldest first |
/// | `GET /control/kiosks/{kiosk}/events` | the kiosk's consumed events in sequence order |
/// | `GET /control/dossiers/{code}` | a dossier as the simulator holds it |
/// | `POST /control/dossiers/{code}/{ready,withdraw,redirect}` | back-office actions |
/// | `POST /control/payments/{id}/confirm` | the bank confirms a payment |
/// | `PUT /control/staff` | add or replace a staff member (`StaffEntry`, PIN hashed here) |
/// | `GET`/`PUT`/`DELETE /control/faults` | the fault plan (`FaultPlan`) with fire counts and outage periods |
///
/// Errors answer 400 (bad body), 404 (unknown thing) or 409 (wrong state) with a text body.
enum ControlRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, backend: OneStopBackend, faults: FaultController) {
        let control = router.group("control")
        control.get("health") { _, _ in
            try json(["status": "ok", "contract": OneStopContractVersion.current])
        }
        control.get("sms") { _, _ in
            try json(try await backend.smsLog())
        }
        control.get("kiosks/:kiosk/events") { _, context in
            try json(try await backend.eventLog(kiosk: context.parameters.get("kiosk") ?? ""))
        }
        control.get("dossiers/:code") { _, context in
            try await mapped { try json(try await backend.dossier(code: context.parameters.get("code") ?? "")) }
        }
        control.post("dossiers/:code/:action") { _, context in
            guard let action = OneStopBackend.DossierAction(rawValue: context.parameters.get("action") ?? "") else {
                throw HTTPError(.notFound, message: "unknown action; use ready, withdraw or redirect")
            }
            return try await mapped { try json(try await backend.perform(action, code: context.parameters.get("code") ?? "")) }
        }
        control.post("payments/:id/confirm") { _, context in
            try await mapped { try json(try await backend.confirmPayment(id: context.parameters.get("id") ?? "")) }
        }
        control.put("staff") { request, _ in
            let entry = try await body(StaffEntry.self, request)
            return try await mapped {
                try await backend.upsertStaff(entry)
                return try json(try await backend.staffDirectory())
            }
        }
        control.get("faults") { _, _ in try json(faults.snapshot) }
        control.put("faults") { request, _ in
            let plan = try await body(FaultPlan.self, request)
            do {
                try plan.validate()
            } catch {
                throw HTTPError(.badRequest, message: "\(error)")
            }
            faults.install(plan)
            return try json(faults.snapshot)
        }
        control.delete("faults") { _, _ in
            faults.clear()
            return try json(faults.snapshot)
        }
    }

    /// `value` as JSON with the contract's encoder.
    static func json(_ value: some Encodable) throws -> Response {
        try WireResponse.json(value).response
    }

    /// A JSON body, or 400 naming the decoding problem.
    static func body<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        var body = request.body
        let buffer = try await body.collect(upTo: 1_048_576)
        do {
            return try OneStopJSON.decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: "not a \(T.self): \(DecodingErrorText.describe(error))")
        }
    }

    /// Runs `action`, mapping `OneStopSimError` to 404, 409 or 400.
    static func mapped(_ action: () async throws -> Response) async throws -> Response {
        do {
            return try await action()
        } catch let error as OneStopSimError {
            switch error {
            case .notFound: throw HTTPError(.notFound, message: error.description)
            case .conflict: throw HTTPError(.conflict, message: error.description)
            case .configuration, .seed: throw HTTPError(.badRequest, message: error.description)
            }
        }
    }
}
