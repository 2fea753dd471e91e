import Foundation
import Testing
@testable import KioskDomain

@Suite struct HandOutTransitionTests {
    @Test func everyAllowedTransition_reachesItsStateWithExactlyItsActions() throws {
        // Given the table of allowed transitions
        let table = try HandOutTable()
        for row in table.rows {
            var handOut = row.given
            // When the event is handled
            let actions = try handOut.handle(row.event)
            // Then the value and the actions are exactly the expected ones
            #expect(handOut == row.expected, "\(row.name)")
            #expect(handOut.state == row.expected.state, "\(row.name)")
            #expect(actions == row.actions, "\(row.name)")
        }
    }

    @Test func allowedTable_covers33StatePairs() throws {
        // Given the table
        let table = try HandOutTable()
        // When its distinct (state, event kind) pairs are counted
        let pairs = Set(table.rows.map { "\($0.given.state.rawValue)/\($0.event.kind.rawValue)" })
        // Then they are the 33 documented ones, out of 10 states × 15 kinds
        #expect(pairs.count == 33)
        #expect(HandOutState.allCases.count * HandOutEvent.Kind.allCases.count == 150)
    }

    @Test func everyOtherStateEventPair_isRefusedAndLeavesTheValueUnchanged() throws {
        // Given every (state, kind) pair that is not in the allowed table
        let table = try HandOutTable()
        let allowed = Set(table.rows.map { "\($0.given.state.rawValue)/\($0.event.kind.rawValue)" })
        var refused = 0
        for state in HandOutState.allCases {
            for kind in HandOutEvent.Kind.allCases where !allowed.contains("\(state.rawValue)/\(kind.rawValue)") {
                var handOut = table.value(in: state)
                let before = handOut
                // When the sample event of that kind is handled
                do {
                    let actions = try handOut.handle(table.event(kind))
                    Issue.record("\(state) accepted \(kind): \(actions)")
                } catch {
                    // Then it is refused naming state and event, and nothing changed
                    #expect(error == .notAllowed(state: state, event: kind), "\(state)/\(kind)")
                }
                #expect(handOut == before, "\(state)/\(kind)")
                refused += 1
            }
        }
        #expect(refused == 117)
    }

    @Test func doorClosedEmpty_isTheOnlyEventThatReachesHandedOut() throws {
        // Given a hand-out in every state
        let table = try HandOutTable()
        for state in HandOutState.allCases where state != .handedOut {
            for kind in HandOutEvent.Kind.allCases where kind != .doorClosedEmpty {
                var handOut = table.value(in: state)
                // When any other event is handled
                _ = try? handOut.handle(table.event(kind))
                // Then it never lands in handedOut
                #expect(handOut.state != .handedOut, "\(state)/\(kind)")
            }
        }
    }

    @Test func cancelledWithoutItem_refusesRecallAndFault() throws {
        // Given a hand-out withdrawn before it was loaded
        let table = try HandOutTable()
        var handOut = table.value(in: .awaitingLoad)
        _ = try handOut.handle(.withdrawnByBackend)
        let before = handOut
        // When staff try to recall it or a fault is routed to it
        // Then both are refused and nothing changes
        #expect(throws: HandOutRefusal.notAllowed(state: .cancelled, event: .recalledByStaff)) {
            try handOut.handle(.recalledByStaff)
        }
        #expect(throws: HandOutRefusal.notAllowed(state: .cancelled, event: .fault)) {
            try handOut.handle(.fault(.doorForced))
        }
        #expect(handOut == before)
    }
}
