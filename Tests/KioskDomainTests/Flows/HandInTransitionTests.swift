import Foundation
import Testing
@testable import KioskDomain

@Suite struct HandInTransitionTests {
    struct Row {
        let name: String
        let given: HandIn
        let event: HandInEvent
        let expected: HandIn
        let actions: [FlowAction]
    }

    let id = Fixture.uuid(2)
    let procedure: ProcedureCode
    let slotA: SlotID
    let slotB: SlotID

    init() throws {
        procedure = try Fixture.procedureCode()
        slotA = try Fixture.slotID("A-01")
        slotB = try Fixture.slotID("B-02")
    }

    var subject: String { id.uuidString.lowercased() }

    func value(in state: HandInState, emptyCloses: Int = 0) -> HandIn {
        HandIn(
            restoring: id, procedureCode: procedure, requiredSize: .small, state: state,
            slot: state == .awaitingDrop || state == .dropped ? slotA : nil, emptyCloses: emptyCloses,
            droppedAt: state == .dropped || state == .collected ? Fixture.t0 : nil,
            collectedAt: state == .collected ? Fixture.t1 : nil, incidentCause: nil)
    }

    func event(_ kind: HandInEvent.Kind) -> HandInEvent {
        switch kind {
        case .slotAssigned: .slotAssigned(slotB)
        case .unlockFailed: .unlockFailed
        case .doorClosedWithItem: .doorClosedWithItem(at: Fixture.t1)
        case .doorClosedEmpty: .doorClosedEmpty
        case .doorTimerExpired: .doorTimerExpired
        case .fault: .fault(.doorForced)
        case .cancelledByCitizen: .cancelledByCitizen
        case .collectedByStaff: .collectedByStaff(at: Fixture.t1)
        }
    }

    func row(
        _ name: String, _ given: HandIn, _ event: HandInEvent, _ actions: [FlowAction],
        _ change: (inout HandIn) -> Void
    ) -> Row {
        var expected = given
        change(&expected)
        let journal = FlowAction.journal(kind: "handIn." + event.kind.rawValue, subject: subject)
        return Row(name: name, given: given, event: event, expected: expected, actions: [journal] + actions)
    }

    func openForDrop(_ slot: SlotID) -> [FlowAction] {
        [.openSlot(slot, purpose: .handIn), .startDoorTimer(slot), .alertCitizen(.putPapersAndCloseDoor(slot))]
    }

    func incident(_ cause: IncidentCause) -> [FlowAction] {
        [.emit(.incident, subject: subject), .notifyStaff(.handInIncident(id, slotA, cause)), .alertCitizen(.staffCalled)]
    }

    var rows: [Row] {
        let a = slotA
        return [
            row("slot assigned", value(in: .started), .slotAssigned(slotB),
                [.reserveSlot(slotB, for: .handIn(id))] + openForDrop(slotB)) {
                $0.state = .awaitingDrop; $0.slot = slotB
            },
            row("cancelled before any door", value(in: .started), .cancelledByCitizen, []) { $0.state = .cancelled },
            row("lock jams", value(in: .awaitingDrop), .unlockFailed,
                [.cancelDoorTimer(a), .releaseSlot(a), .notifyStaff(.lockJammed(a)), .alertCitizen(.doorDidNotOpen(a))]) {
                $0.state = .started; $0.slot = nil
            },
            row("papers dropped", value(in: .awaitingDrop), .doorClosedWithItem(at: Fixture.t1),
                [.cancelDoorTimer(a), .printHandInReceipt(handIn: id), .emit(.dossierHandedIn, subject: subject)]) {
                $0.state = .dropped; $0.droppedAt = Fixture.t1
            },
            row("first empty close reopens", value(in: .awaitingDrop), .doorClosedEmpty,
                [.cancelDoorTimer(a), .alertCitizen(.noPapersDetected(a, willReopen: true)), .reserveSlot(a, for: .handIn(id))]
                    + openForDrop(a)) {
                $0.emptyCloses = 1
            },
            row("second empty close cancels", value(in: .awaitingDrop, emptyCloses: 1), .doorClosedEmpty,
                [.cancelDoorTimer(a), .alertCitizen(.noPapersDetected(a, willReopen: false))]) {
                $0.state = .cancelled; $0.slot = nil; $0.emptyCloses = 2
            },
            row("door left open", value(in: .awaitingDrop), .doorTimerExpired, incident(.doorLeftOpen)) {
                $0.state = .cancelled; $0.incidentCause = .doorLeftOpen
            },
            row("forced door", value(in: .awaitingDrop), .fault(.doorForced), [.cancelDoorTimer(a)] + incident(.doorForced)) {
                $0.state = .cancelled; $0.incidentCause = .doorForced
            },
            row("collected", value(in: .dropped), .collectedByStaff(at: Fixture.t1),
                [.openSlot(a, purpose: .collect), .emit(.dropsCollected, subject: subject)]) {
                $0.state = .collected; $0.collectedAt = Fixture.t1; $0.slot = nil
            },
        ]
    }

    @Test func everyAllowedTransition_reachesItsStateWithExactlyItsActions() {
        for row in rows {
            // Given the row's drop
            var handIn = row.given
            // When its event is handled
            let actions: [FlowAction]
            do { actions = try handIn.handle(row.event) } catch {
                Issue.record("\(row.name) refused: \(error)")
                continue
            }
            // Then the value and actions are exactly as expected
            #expect(handIn == row.expected, "\(row.name)")
            #expect(actions == row.actions, "\(row.name)")
        }
        #expect(Set(rows.map { "\($0.given.state.rawValue)/\($0.event.kind.rawValue)" }).count == 8)
    }

    @Test func everyOtherStateEventPair_isRefusedAndLeavesTheDropUnchanged() {
        // Given every (state, kind) pair not in the allowed table
        let allowed = Set(rows.map { "\($0.given.state.rawValue)/\($0.event.kind.rawValue)" })
        var refused = 0
        for state in HandInState.allCases {
            for kind in HandInEvent.Kind.allCases where !allowed.contains("\(state.rawValue)/\(kind.rawValue)") {
                var handIn = value(in: state)
                let before = handIn
                // When the sample event is handled
                do {
                    let actions = try handIn.handle(event(kind))
                    Issue.record("\(state) accepted \(kind): \(actions)")
                } catch {
                    // Then it is refused naming state and event, and nothing changed
                    #expect(error == .notAllowed(state: state, event: kind), "\(state)/\(kind)")
                }
                #expect(handIn == before, "\(state)/\(kind)")
                refused += 1
            }
        }
        #expect(refused == 32)
    }

    @Test func cancelWhileTheDoorIsOpen_isRefused_theDoorOutcomeDecides() {
        // Given a drop whose slot door is open
        var handIn = value(in: .awaitingDrop)
        // When the citizen presses cancel
        // Then it is refused; the door outcome will decide
        #expect(throws: HandInRefusal.notAllowed(state: .awaitingDrop, event: .cancelledByCitizen)) {
            try handIn.handle(.cancelledByCitizen)
        }
        #expect(handIn.state == .awaitingDrop)
    }
}
