import Foundation
import Testing
@testable import KioskDomain

@Suite struct SlotTransitionTests {
    struct Row {
        let name: String
        let given: Slot
        let event: SlotEvent
        let expected: Slot
        let actions: [FlowAction]
    }

    let id: SlotID
    let item = SlotOccupant.handOut(Fixture.uuid(1))
    let drop = SlotOccupant.handIn(Fixture.uuid(2))

    init() throws {
        id = try Fixture.slotID("A-01")
    }

    /// A typical slot in `state`: wear 3; every state but `free` has the hand-out assigned.
    func value(in state: SlotState) throws -> Slot {
        try Fixture.slot("A-01", .small, wear: 3, state: state, occupant: state == .free ? .none : item)
    }

    func event(_ kind: SlotEvent.Kind) -> SlotEvent {
        switch kind {
        case .reserve: .reserve(for: drop)
        case .release: .release
        case .doorOpened: .doorOpened(.load)
        case .doorClosed: .doorClosed(itemPresent: true)
        case .blockedByStaff: .blockedByStaff
        case .fault: .fault(.sensorDisagreement)
        case .clearedByStaff: .clearedByStaff(itemPresent: false)
        }
    }

    func row(
        _ name: String, _ state: SlotState, _ event: SlotEvent, _ extra: [FlowAction] = [],
        _ change: (inout Slot) -> Void
    ) throws -> Row {
        let given = try value(in: state)
        var expected = given
        change(&expected)
        let journal = FlowAction.journal(kind: "slot." + event.kind.rawValue, subject: "A-01")
        return Row(name: name, given: given, event: event, expected: expected, actions: [journal] + extra)
    }

    func faultActions(_ cause: IncidentCause, _ kind: BackendEventKind) -> [FlowAction] {
        [.notifyStaff(.slotFault(id, cause)), .emit(kind, subject: "A-01")]
    }

    var rows: [Row] {
        get throws {
            let blocked: (inout Slot) -> Void = { $0.state = .blocked }
            let opened: (inout Slot) -> Void = { $0.state = .doorOperation; $0.wearCount = 4 }
            let emptied: (inout Slot) -> Void = { $0.state = .free; $0.occupant = .none }
            let filled: (inout Slot) -> Void = { $0.state = .occupied }
            let faulted: (inout Slot) -> Void = { $0.state = .fault }
            return [
                try row("reserve", .free, .reserve(for: drop)) { $0.state = .reserved; $0.occupant = drop },
                try row("block free", .free, .blockedByStaff, [], blocked),
                try row("fault free", .free, .fault(.sensorDisagreement), faultActions(.sensorDisagreement, .incident), faulted),
                try row("release", .reserved, .release, [], emptied),
                try row("open to load", .reserved, .doorOpened(.load), [], opened),
                try row("open to drop", .reserved, .doorOpened(.handIn), [], opened),
                try row("block reserved", .reserved, .blockedByStaff, [], blocked),
                try row("forced reserved", .reserved, .fault(.doorForced), faultActions(.doorForced, .doorOpenedUnexpectedly), faulted),
                try row("closed with item", .doorOperation, .doorClosed(itemPresent: true), [], filled),
                try row("closed empty", .doorOperation, .doorClosed(itemPresent: false), [], emptied),
                try row("block open", .doorOperation, .blockedByStaff, [], blocked),
                try row("power lost open", .doorOperation, .fault(.powerLoss), faultActions(.powerLoss, .incident), faulted),
                try row("open to pick up", .occupied, .doorOpened(.pickup), [], opened),
                try row("open to recall", .occupied, .doorOpened(.recall), [], opened),
                try row("open to collect", .occupied, .doorOpened(.collect), [], opened),
                try row("block occupied", .occupied, .blockedByStaff, [], blocked),
                try row("board silent", .occupied, .fault(.boardNotAnswering), faultActions(.boardNotAnswering, .incident), faulted),
                try row("fault blocked", .blocked, .fault(.sensorDisagreement), faultActions(.sensorDisagreement, .incident), faulted),
                try row("clear blocked, item", .blocked, .clearedByStaff(itemPresent: true), [], filled),
                try row("clear blocked, empty", .blocked, .clearedByStaff(itemPresent: false), [], emptied),
                try row("door shut on blocked, item", .blocked, .doorClosed(itemPresent: true), []) { _ in },
                try row("door shut on blocked, empty", .blocked, .doorClosed(itemPresent: false), []) { $0.occupant = .none },
                try row("door shut on faulty, empty", .fault, .doorClosed(itemPresent: false), []) { $0.occupant = .none },
                try row("block faulty", .fault, .blockedByStaff, [], blocked),
                try row("clear fault, item", .fault, .clearedByStaff(itemPresent: true), [], filled),
                try row("clear fault, empty", .fault, .clearedByStaff(itemPresent: false), [], emptied),
            ]
        }
    }

    @Test func everyAllowedTransition_reachesItsStateWithExactlyItsActions() throws {
        for row in try rows {
            // Given the row's slot
            var slot = row.given
            // When its event is handled
            let actions = try slot.handle(row.event)
            // Then state, occupant, wear and actions are exactly as expected
            #expect(slot == row.expected, "\(row.name)")
            #expect(actions == row.actions, "\(row.name)")
        }
        let pairs = Set(try rows.map { "\($0.given.state.rawValue)/\($0.event.kind.rawValue)" })
        #expect(pairs.count == 19)
    }

    @Test func everyOtherStateEventPair_isRefusedAndLeavesTheSlotUnchanged() throws {
        // Given every (state, kind) pair not in the allowed table
        let allowed = Set(try rows.map { "\($0.given.state.rawValue)/\($0.event.kind.rawValue)" })
        var refused = 0
        for state in SlotState.allCases {
            for kind in SlotEvent.Kind.allCases where !allowed.contains("\(state.rawValue)/\(kind.rawValue)") {
                var slot = try value(in: state)
                let before = slot
                let expectedError: SlotRefusal =
                    kind == .reserve && slot.occupant.isAssigned
                    ? .alreadyAssigned(to: slot.occupant) : .notAllowed(state: state, event: kind)
                // When the sample event is handled
                do {
                    let actions = try slot.handle(event(kind))
                    Issue.record("\(state) accepted \(kind): \(actions)")
                } catch {
                    // Then it is refused with the expected reason and nothing changed
                    #expect(error == expectedError, "\(state)/\(kind)")
                }
                #expect(slot == before, "\(state)/\(kind)")
                refused += 1
            }
        }
        #expect(refused == 23)
    }

    @Test func slotWithAnOccupant_neverTakesASecond() throws {
        for state in [SlotState.reserved, .occupied, .doorOperation, .blocked, .fault] {
            // Given a slot assigned to a hand-out
            var slot = try value(in: state)
            let before = slot
            // When another drop is reserved into it
            // Then it is refused naming the present occupant
            #expect(throws: SlotRefusal.alreadyAssigned(to: item)) { try slot.handle(.reserve(for: drop)) }
            #expect(slot == before)
        }
    }

    @Test func dataDependentRefusals_nameTheirReason() throws {
        // Given a disabled free slot, a reserved one, an occupied one and an unassigned blocked one
        var disabled = try Fixture.slot("A-02", .small, enabled: false)
        var reserved = try value(in: .reserved)
        var occupied = try value(in: .occupied)
        var blockedEmpty = try Fixture.slot("A-03", .small, state: .blocked)
        var free = try value(in: .free)
        // When events arrive that contradict their data
        // Then each refusal names the reason
        #expect(throws: SlotRefusal.disabled) { try disabled.handle(.reserve(for: drop)) }
        #expect(throws: SlotRefusal.noOccupantGiven) { try free.handle(.reserve(for: .none)) }
        #expect(throws: SlotRefusal.wrongPurpose(state: .reserved, purpose: .pickup)) {
            try reserved.handle(.doorOpened(.pickup))
        }
        #expect(throws: SlotRefusal.wrongPurpose(state: .occupied, purpose: .load)) {
            try occupied.handle(.doorOpened(.load))
        }
        #expect(throws: SlotRefusal.unknownItem) { try blockedEmpty.handle(.clearedByStaff(itemPresent: true)) }
        #expect(throws: SlotRefusal.unknownItem) { try blockedEmpty.handle(.doorClosed(itemPresent: true)) }
        #expect(disabled.state == .free && reserved.state == .reserved && occupied.state == .occupied)
        #expect(blockedEmpty.state == .blocked)
    }

    @Test func restoring_refusesRecordsTheMachineNeverProduces() throws {
        // Given records that break the slot's invariants
        // When they are restored
        // Then each is refused with its reason
        #expect(throws: SlotRefusal.inconsistentRecord(state: .free)) {
            try Fixture.slot("A-01", .small, state: .free, occupant: item)
        }
        #expect(throws: SlotRefusal.inconsistentRecord(state: .occupied)) {
            try Fixture.slot("A-01", .small, state: .occupied, occupant: .none)
        }
        #expect(throws: SlotRefusal.invalidDoorHeight(3001)) { try Fixture.slot("A-01", .small, heightMm: 3001) }
        #expect(throws: SlotRefusal.invalidWearCount(-1)) { try Fixture.slot("A-01", .small, wear: -1) }
    }
}
