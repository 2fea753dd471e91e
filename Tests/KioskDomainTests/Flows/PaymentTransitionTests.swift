import Foundation
import Testing
@testable import KioskDomain

@Suite struct PaymentTransitionTests {
    struct Row {
        let name: String
        let given: PaymentRequest
        let event: PaymentEvent
        let expected: PaymentRequest
    }

    let expiry = Fixture.t0.addingTimeInterval(600)
    let reference = "LEPHI 251110 0007 KVT01"

    func value(in state: PaymentState) throws -> PaymentRequest {
        try PaymentRequest(
            restoring: Fixture.uuid(4), dossierCode: Fixture.dossierCode(), amount: 100_000,
            reference: reference, expiresAt: expiry, state: state,
            paidAt: state == .paid || state == .refunded ? Fixture.t0 : nil,
            refundedAt: state == .refunded ? Fixture.t1 : nil)
    }

    func event(_ kind: PaymentEvent.Kind) -> PaymentEvent {
        switch kind {
        case .qrShown: .qrShown(at: Fixture.t0)
        case .confirmedByBackend: .confirmedByBackend(amount: 100_000, at: Fixture.t0.addingTimeInterval(60))
        case .expired: .expired(at: expiry)
        case .cancelled: .cancelled
        case .refunded: .refunded(at: Fixture.t1)
        }
    }

    var rows: [Row] {
        get throws {
            func row(_ name: String, _ state: PaymentState, _ kind: PaymentEvent.Kind, _ change: (inout PaymentRequest) -> Void) throws -> Row {
                let given = try value(in: state)
                var expected = given
                change(&expected)
                return Row(name: name, given: given, event: event(kind), expected: expected)
            }
            return [
                try row("QR shown", .unpaid, .qrShown) { $0.state = .awaitingConfirmation },
                try row("expired unshown", .unpaid, .expired) { $0.state = .cancelled },
                try row("cancelled unshown", .unpaid, .cancelled) { $0.state = .cancelled },
                try row("confirmed", .awaitingConfirmation, .confirmedByBackend) {
                    $0.state = .paid; $0.paidAt = Fixture.t0.addingTimeInterval(60)
                },
                try row("expired waiting", .awaitingConfirmation, .expired) { $0.state = .cancelled },
                try row("cancelled waiting", .awaitingConfirmation, .cancelled) { $0.state = .cancelled },
                try row("refunded", .paid, .refunded) { $0.state = .refunded; $0.refundedAt = Fixture.t1 },
            ]
        }
    }

    @Test func everyAllowedTransition_reachesItsStateAndJournalsIt() throws {
        for row in try rows {
            // Given the row's request
            var request = row.given
            // When its event is handled
            let actions = try request.handle(row.event)
            // Then the value is exactly as expected and the only action is the journal entry
            #expect(request == row.expected, "\(row.name)")
            #expect(actions == [.journal(kind: "payment." + row.event.kind.rawValue, subject: reference)], "\(row.name)")
        }
        #expect(try rows.count == 7)
    }

    @Test func everyOtherStateEventPair_isRefusedAndLeavesTheRequestUnchanged() throws {
        // Given every (state, kind) pair not in the allowed table
        let allowed = Set(try rows.map { "\($0.given.state.rawValue)/\($0.event.kind.rawValue)" })
        var refused = 0
        for state in PaymentState.allCases {
            for kind in PaymentEvent.Kind.allCases where !allowed.contains("\(state.rawValue)/\(kind.rawValue)") {
                var request = try value(in: state)
                let before = request
                // When the sample event is handled
                do {
                    let actions = try request.handle(event(kind))
                    Issue.record("\(state) accepted \(kind): \(actions)")
                } catch {
                    // Then it is refused naming state and event, and nothing changed
                    #expect(error == .notAllowed(state: state, event: kind), "\(state)/\(kind)")
                }
                #expect(request == before, "\(state)/\(kind)")
                refused += 1
            }
        }
        #expect(refused == 18)
    }

    @Test func confirmationOfAnotherAmount_isRefused() throws {
        // Given a request for 100.000 đ waiting for confirmation
        var request = try value(in: .awaitingConfirmation)
        // When the backend confirms 90.000 đ
        // Then it is refused with both amounts and stays unpaid
        #expect(throws: PaymentRefusal.amountMismatch(expected: 100_000, received: 90_000)) {
            try request.handle(.confirmedByBackend(amount: 90_000, at: Fixture.t0))
        }
        #expect(request.state == .awaitingConfirmation)
    }

    @Test func expiryTimes_areChecked() throws {
        // Given an unpaid request expiring at t0 + 10 min
        var request = try value(in: .unpaid)
        // When the expiry fires a second early, or the QR would be shown at expiry
        // Then both are refused with the expiry time
        #expect(throws: PaymentRefusal.notYetExpired(expiresAt: expiry)) {
            try request.handle(.expired(at: expiry.addingTimeInterval(-1)))
        }
        #expect(throws: PaymentRefusal.alreadyExpired(expiresAt: expiry)) { try request.handle(.qrShown(at: expiry)) }
        #expect(request.state == .unpaid)
    }

    @Test func creation_refusesNonPositiveAmountsAndBadReferences() throws {
        let code = try Fixture.dossierCode()
        // Given amounts and references outside the rules
        // When requests are created
        // Then each is refused with its reason
        #expect(throws: PaymentRefusal.invalidAmount(0)) {
            try PaymentRequest(id: Fixture.uuid(5), dossierCode: code, amount: 0, reference: "A", expiresAt: expiry)
        }
        #expect(throws: PaymentRefusal.invalidReference) {
            try PaymentRequest(id: Fixture.uuid(5), dossierCode: code, amount: 1, reference: "lower", expiresAt: expiry)
        }
        #expect(throws: PaymentRefusal.invalidReference) {
            try PaymentRequest(
                id: Fixture.uuid(5), dossierCode: code, amount: 1, reference: String(repeating: "A", count: 26),
                expiresAt: expiry)
        }
    }
}
