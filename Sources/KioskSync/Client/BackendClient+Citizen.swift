import Foundation
import KioskDomain
import OneStopWire

/// The calls a citizen waits for at the screen: bounded by `limits.citizenTimeout` and mapped to
/// ``CitizenCallOutcome`` so the screen never blocks on a missing backend.
extension BackendClient {
    /// Looks a dossier's status up by its code and the last 4 digits of the owner's ID number.
    public func lookUpStatus(code: DossierCode, ownerIdLast4: String) async -> CitizenCallOutcome<DossierStatusAnswer> {
        let body: Data
        do {
            body = try OneStopJSON.encode(OneStopStatusQuery(dossierCode: code.rawValue, ownerIDLastFour: ownerIdLast4))
        } catch {
            return .refused(reason: "the query cannot be encoded")
        }
        let result = await call(
            .POST, OneStopPaths.statusLookup(kiosk: kioskSegment), json: body, timeout: limits.citizenTimeout,
            as: OneStopStatusResult.self
        ).flatMap { answer -> Result<DossierStatusAnswer, BackendFailure> in
            guard let status = NationalStatus(rawValue: answer.body.status.code) else {
                return .failure(.malformed("TrangThaiHoSo out of range"))
            }
            let wire = answer.body
            return .success(DossierStatusAnswer(
                code: wire.dossierCode, procedureName: wire.procedureName, status: status,
                appointmentAt: wire.appointmentAt, returnedAt: wire.returnedAt, feesDue: wire.feesDue,
                collectionPlace: wire.collectionPlace))
        }
        return .from(result)
    }

    /// Asks the backend for a VietQR payment request for the fees due on `code`.
    public func createPayment(for code: DossierCode) async -> CitizenCallOutcome<PaymentAnswer> {
        let body: Data
        do {
            body = try OneStopJSON.encode(OneStopPaymentOrder(dossierCode: code.rawValue))
        } catch {
            return .refused(reason: "the order cannot be encoded")
        }
        return .from(await call(
            .POST, OneStopPaths.payments(kiosk: kioskSegment), json: body, timeout: limits.citizenTimeout,
            as: OneStopPayment.self
        ).map { Self.payment($0.body) })
    }

    /// Polls a payment request, letting the backend hold the answer up to `wait` (0–30 s) for a
    /// change; the whole call is bounded by `wait` plus the citizen time bound.
    public func pollPayment(id: String, wait: Duration = .zero) async -> CitizenCallOutcome<PaymentAnswer> {
        let seconds = min(max(Int(wait.components.seconds), 0), 30)
        return .from(await call(
            .GET, OneStopPaths.payment(kiosk: kioskSegment, id: Self.percentEncoded(id)),
            query: [("ChoToiDa", String(seconds))], timeout: limits.citizenTimeout + .seconds(seconds),
            as: OneStopPayment.self
        ).map { Self.payment($0.body) })
    }

    static func payment(_ wire: OneStopPayment) -> PaymentAnswer {
        let state: PaymentAnswer.State = switch wire.state {
        case .waiting: .waiting
        case .paid: .paid
        case .expired: .expired
        case .cancelled: .cancelled
        }
        return PaymentAnswer(
            id: wire.id, dossierCode: wire.dossierCode, amount: wire.amount, qrPayload: wire.qrPayload,
            reference: wire.reference, expiresAt: wire.expiresAt, state: state, paidAt: wire.paidAt)
    }
}
