import Foundation
@testable import KioskDomain

/// A small kiosk driven the way the engine drives it: four slots, three results, two drops, the
/// physical whereabouts of every item, and open doors. Flow actions are applied to the slot
/// machines transactionally (a refused slot action rolls the whole step back). Any broken
/// invariant is recorded in `violation`.
struct KioskSimulation {
    enum Place: Equatable { case counter, citizen, slot(Int) }
    enum Flow: Equatable { case handOut(Int), handIn(Int) }
    struct OpenDoor: Equatable {
        let flow: Flow
        let purpose: DoorPurpose
    }

    static let results = 3
    static let drops = 2

    var slots: [Slot]
    var handOuts: [HandOut]
    var handIns: [HandIn]
    /// Where each result (by hand-out index) and each drop's papers (by hand-in index) physically are.
    var resultPlace: [Place]
    var papersPlace: [Place]
    var openDoors: [OpenDoor?]
    var now = Fixture.t0
    /// Wrong codes accepted per hand-out since the last staff unlock.
    var wrongSinceUnlock: [Int]
    var violation: String?
    /// How often each interesting state was reached, for the coverage check (only when asked:
    /// string-keyed counting is the slowest part of a debug-build step).
    var reached: [String: Int] = [:]
    var recordsCoverage = false
    let assignment = SlotAssignmentPolicy.standard
    let attemptLimit = PickupAttemptPolicy.standard.wrongCodesPerDossier

    init() throws {
        slots = [
            try Fixture.slot("A-01", .small, heightMm: 400), try Fixture.slot("A-02", .small, heightMm: 1500),
            try Fixture.slot("B-01", .medium), try Fixture.slot("C-01", .large, heightMm: 300),
        ]
        let procedure = try Fixture.procedureCode()
        handOuts = try (0..<Self.results).map { index in
            HandOut(
                restoring: Fixture.uuid(UInt8(10 + index)),
                dossierCode: try Fixture.dossierCode("000.28.21.H28-251107-001\(index)"), inPersonOnly: false,
                holdingPolicy: .standard, attemptPolicy: .standard, state: .awaitingLoad, slot: nil,
                feeDue: 0, wrongAttempts: 0, lockedForStaff: false, loadedAt: nil, holdUntil: nil,
                handedOutAt: nil, incidentCause: nil)
        }
        handIns = (0..<Self.drops).map { index in
            HandIn(id: Fixture.uuid(UInt8(20 + index)), procedureCode: procedure, requiredSize: index == 0 ? .small : .medium)
        }
        resultPlace = Array(repeating: .counter, count: Self.results)
        papersPlace = Array(repeating: .citizen, count: Self.drops)
        openDoors = Array(repeating: nil, count: slots.count)
        wrongSinceUnlock = Array(repeating: 0, count: Self.results)
    }

    /// A kiosk where result 0 already waits in slot A-01 after `wrongCodes` wrong codes, so short
    /// sequences reach lockouts and pickups often.
    init(preloadedWithWrongCodes wrongCodes: Int) throws {
        try self.init()
        let first = handOuts[0]
        slots[0] = try Fixture.slot("A-01", .small, heightMm: 400, wear: 1, state: .occupied, occupant: .handOut(first.id))
        handOuts[0] = HandOut(
            restoring: first.id, dossierCode: first.dossierCode, inPersonOnly: false,
            holdingPolicy: first.holdingPolicy, attemptPolicy: first.attemptPolicy, state: .readyForPickup,
            slot: slots[0].id, feeDue: 0, wrongAttempts: wrongCodes, lockedForStaff: false, loadedAt: now,
            holdUntil: first.holdingPolicy.deadline(loadedAt: now), handedOutAt: nil, incidentCause: nil)
        resultPlace[0] = .slot(0)
        wrongSinceUnlock[0] = wrongCodes
    }

    func index(of id: SlotID) -> Int? { slots.firstIndex { $0.id == id } }

    func handOutIndex(_ id: UUID) -> Int? { handOuts.firstIndex { $0.id == id } }

    func handInIndex(_ id: UUID) -> Int? { handIns.firstIndex { $0.id == id } }

    /// The size a result needs: the middle one needs a medium slot.
    func size(ofResult index: Int) -> SlotSize { index == 1 ? .medium : .small }

    /// Applies a flow's actions to the slots and doors; false when a slot refused (caller rolls back).
    mutating func perform(_ actions: [FlowAction], for flow: Flow, jam: Bool, jammed: inout Bool) -> Bool {
        for action in actions {
            switch action {
            case .reserveSlot(let id, let occupant):
                guard let k = index(of: id), (try? slots[k].handle(.reserve(for: occupant))) != nil else { return false }
            case .releaseSlot(let id):
                guard let k = index(of: id), (try? slots[k].handle(.release)) != nil else { return false }
            case .openSlot(let id, let purpose):
                guard let k = index(of: id), openDoors[k] == nil else { return false }
                if purpose == .pickup, case .handOut(let h) = flow, wrongSinceUnlock[h] >= attemptLimit {
                    fail("pickup door opened after \(wrongSinceUnlock[h]) wrong codes for result \(h)")
                }
                if jam, purpose == .load || purpose == .pickup || purpose == .handIn {
                    jammed = true
                    continue
                }
                guard (try? slots[k].handle(.doorOpened(purpose))) != nil else { return false }
                openDoors[k] = OpenDoor(flow: flow, purpose: purpose)
            default:
                continue
            }
        }
        return true
    }

    @discardableResult
    mutating func deliver(_ h: Int, _ event: HandOutEvent, jam: Bool = false) -> Bool {
        var next = handOuts[h]
        let before = next.state
        let wasLocked = next.lockedForStaff
        guard let actions = try? next.handle(event) else { return false }
        let (savedSlots, savedDoors) = (slots, openDoors)
        var jammed = false
        guard perform(actions, for: .handOut(h), jam: jam, jammed: &jammed) else {
            (slots, openDoors) = (savedSlots, savedDoors)
            return false
        }
        handOuts[h] = next
        if event == .codeWrong { wrongSinceUnlock[h] += 1 }
        if event == .unlockedByStaff { wrongSinceUnlock[h] = 0 }
        if next.state == .handedOut, before != .handedOut {
            guard case .doorClosedEmpty = event, resultPlace[h] == .citizen else {
                fail("result \(h) handed out by \(event) while it is at \(resultPlace[h])")
                return true
            }
        }
        if recordsCoverage {
            if next.state != before { reached[next.state.rawValue, default: 0] += 1 }
            if next.lockedForStaff, !wasLocked { reached["locked", default: 0] += 1 }
            if jammed { reached["jammed", default: 0] += 1 }
        }
        if jammed { deliver(h, .unlockFailed(at: now)) }
        return true
    }

    @discardableResult
    mutating func deliver(drop j: Int, _ event: HandInEvent, jam: Bool = false) -> Bool {
        var next = handIns[j]
        let before = next.state
        guard let actions = try? next.handle(event) else { return false }
        let (savedSlots, savedDoors) = (slots, openDoors)
        var jammed = false
        guard perform(actions, for: .handIn(j), jam: jam, jammed: &jammed) else {
            (slots, openDoors) = (savedSlots, savedDoors)
            return false
        }
        handIns[j] = next
        if recordsCoverage, next.state != before { reached["handIn." + next.state.rawValue, default: 0] += 1 }
        if jammed { deliver(drop: j, .unlockFailed) }
        return true
    }
}
