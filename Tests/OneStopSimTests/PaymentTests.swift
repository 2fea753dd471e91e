import Synchronization
import Foundation
import KioskDomain
import OneStopSim
import OneStopWire
import Testing

@Suite struct PaymentTests {
    static let withFee = "000.28.21.H28-251107-0012"
    var payments: String { OneStopPaths.payments(kiosk: SimHarness.kiosk) }

    @Test func createThenConfirmMakesItPaidAndClearsTheFee() async throws {
        try await SimHarness.run { sim in
            let created = try await sim.call(.POST, payments, body: try OneStopJSON.encode(OneStopPaymentOrder(dossierCode: Self.withFee)))
            #expect(created.status == 201)
            let payment = try created.decode(OneStopPayment.self)
            #expect(payment.amount == 100_000 && payment.state == .waiting)
            let qr = try VietQRPayload(parsing: payment.qrPayload)
            #expect(qr.amount == 100_000 && qr.bankBIN == "970405" && qr.purpose?.text == payment.reference)

            let again = try await sim.call(.POST, payments, body: try OneStopJSON.encode(OneStopPaymentOrder(dossierCode: Self.withFee)))
            #expect(again.status == 200)
            #expect(try again.decode(OneStopPayment.self).id == payment.id)

            // A long poll waits, and the bank's confirmation ends it.
            let path = OneStopPaths.payment(kiosk: SimHarness.kiosk, id: payment.id) + "?ChoToiDa=30"
            async let polled = sim.wire(OneStopPayment.self, .GET, path)
            let confirmed = try await sim.control(OneStopPayment.self, .POST, "payments/\(payment.id)/confirm")
            #expect(confirmed.state == .paid)
            let seen = try await polled
            #expect(seen.state == .paid && seen.paidAt != nil)

            let entry = try #require(try await sim.allPages().flatMap(\.dossiers).first { $0.dossierCode == Self.withFee })
            #expect(entry.kiosk.feesDue == 0 && entry.fees.allSatisfy(\.paid))
            let nothing = try await sim.call(.POST, payments, body: try OneStopJSON.encode(OneStopPaymentOrder(dossierCode: Self.withFee)))
            #expect(nothing.status == 409)
            #expect(try nothing.decode(OneStopProblem.self).knownCode == .nothingDue)
            let twice = try await sim.call(.POST, "/control/payments/\(payment.id)/confirm", token: .some(nil))
            #expect(twice.status == 409)
        }
    }

    @Test func aPaymentPastItsExpiryIsExpired() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await SimHarness.run(now: { clock.now }) { sim in
            let payment = try await sim.wire(
                OneStopPayment.self, .POST, payments, body: OneStopPaymentOrder(dossierCode: Self.withFee))
            clock.advance(by: 601)
            let later = try await sim.wire(OneStopPayment.self, .GET, OneStopPaths.payment(kiosk: SimHarness.kiosk, id: payment.id))
            #expect(later.state == .expired)
            let confirm = try await sim.call(.POST, "/control/payments/\(payment.id)/confirm", token: .some(nil))
            #expect(confirm.status == 409)
            let unknown = try await sim.call(.GET, OneStopPaths.payment(kiosk: SimHarness.kiosk, id: "TT-none"))
            #expect(unknown.status == 404)
        }
    }
}

/// A settable wall clock for the simulator.
final class TestClock: Sendable {
    private let seconds: Mutex<Double>
    init(_ start: Date) { seconds = Mutex(start.timeIntervalSince1970) }
    var now: Date { Date(timeIntervalSince1970: seconds.withLock { $0 }) }
    func advance(by interval: Double) { seconds.withLock { $0 += interval } }
}

