import Foundation
@testable import KioskDomain
import TestSupport

extension KioskSimulation {
    /// One random thing happening at the kiosk, then the invariant check.
    mutating func step(_ rng: inout SplitMix64) {
        let h = rng.below(Self.results)
        let j = rng.below(Self.drops)
        let k = rng.below(slots.count)
        let jam = rng.chance(5)
        switch rng.below(25) {
        case 0, 1:
            guard handOuts[h].state == .awaitingLoad, resultPlace[h] == .counter,
                let slot = try? assignment.choose(for: size(ofResult: h), accessible: rng.chance(30), from: slots)
            else { break }
            deliver(h, .loadStarted(slot: slot.id), jam: jam)
        case 2: deliver(h, .codeVerified(feeDue: rng.chance(30) ? 20_000 : 0), jam: jam)
        case 3, 4, 22: deliver(rng.chance(70) ? 0 : h, .codeWrong)
        case 5: deliver(h, .paymentConfirmed, jam: jam)
        case 6: deliver(h, .paymentAbandoned(at: now))
        case 7: deliver(h, .deadlinePassed(at: now))
        case 8: deliver(h, .recalledByStaff)
        case 9: deliver(h, .unlockedByStaff)
        case 10: deliver(h, .withdrawnByBackend)
        case 11:
            // Staff clear an incident only after seeing the result in its slot.
            guard let slot = handOuts[h].slot, let index = index(of: slot), resultPlace[h] == .slot(index) else { break }
            deliver(h, .incidentCleared(at: now))
        case 12: hardwareFault(at: k, cause: IncidentCause.allCases[rng.below(IncidentCause.allCases.count)])
        case 13: _ = try? slots[k].handle(.blockedByStaff)
        case 14:
            // Staff check a slot with its door shut, and report what is inside.
            guard openDoors[k] == nil else { break }
            _ = try? slots[k].handle(.clearedByStaff(itemPresent: itemCount(in: k) > 0))
        case 15, 16, 17:
            // Someone stands at an open door, if there is one (starting the search at a random slot).
            for offset in slots.indices where openDoors[(k + offset) % slots.count] != nil {
                doorActivity(at: (k + offset) % slots.count, &rng)
                break
            }
        case 18:
            if rng.chance(50) { deliver(h, .doorTimerExpired) } else { deliver(drop: j, .doorTimerExpired) }
        case 19:
            guard handIns[j].state == .started,
                let slot = try? assignment.choose(for: handIns[j].requiredSize, accessible: false, from: slots)
            else { break }
            deliver(drop: j, .slotAssigned(slot.id), jam: jam)
        case 20: deliver(drop: j, .cancelledByCitizen)
        case 21: deliver(drop: j, .collectedByStaff(at: now))
        default: now = now.addingTimeInterval(TimeInterval(rng.below(9 * 86_400)))
        }
        checkInvariants()
    }

    /// What physically lies in slot `k`.
    func items(in k: Int) -> [Flow] {
        var found: [Flow] = []
        for (index, place) in resultPlace.enumerated() where place == .slot(k) { found.append(.handOut(index)) }
        for (index, place) in papersPlace.enumerated() where place == .slot(k) { found.append(.handIn(index)) }
        return found
    }

    mutating func hardwareFault(at k: Int, cause: IncidentCause) {
        guard (try? slots[k].handle(.fault(cause))) != nil else { return }
        switch slots[k].occupant {
        case .handOut(let id): if let h = handOutIndex(id) { deliver(h, .fault(cause)) }
        case .handIn(let id): if let j = handInIndex(id) { deliver(drop: j, .fault(cause)) }
        case .none: break
        }
    }

    /// Whoever stands at an open door does (or forgets) their part, then the door closes and the
    /// sensor's reading goes to the slot and to the flow that opened it.
    mutating func doorActivity(at k: Int, _ rng: inout SplitMix64) {
        guard let door = openDoors[k] else { return }
        switch (door.purpose, door.flow) {
        case (.load, .handOut(let h)):
            if rng.chance(75), resultPlace[h] == .counter { resultPlace[h] = .slot(k) }
        case (.pickup, .handOut(let h)):
            for other in items(in: k) where other != .handOut(h) {
                fail("pickup door for result \(h) opened on \(other) in slot \(k)")
            }
            if rng.chance(80), resultPlace[h] == .slot(k) { resultPlace[h] = .citizen }
        case (.handIn, .handIn(let j)):
            if rng.chance(70), papersPlace[j] == .citizen { papersPlace[j] = .slot(k) }
        case (.recall, _), (.collect, _):
            if rng.chance(90) { takeEverything(from: k) }
        default:
            fail("door at slot \(k) opened for \(door.purpose) by \(door.flow)")
        }
        let itemPresent = itemCount(in: k) > 0
        openDoors[k] = nil
        _ = try? slots[k].handle(.doorClosed(itemPresent: itemPresent))
        switch (door.purpose, door.flow) {
        case (.load, .handOut(let h)), (.pickup, .handOut(let h)):
            deliver(h, itemPresent ? .doorClosedWithItem(at: now) : .doorClosedEmpty(at: now))
        case (.handIn, .handIn(let j)):
            deliver(drop: j, itemPresent ? .doorClosedWithItem(at: now) : .doorClosedEmpty)
        default:
            break
        }
    }

    mutating func takeEverything(from k: Int) {
        for index in resultPlace.indices where resultPlace[index] == .slot(k) { resultPlace[index] = .counter }
        for index in papersPlace.indices where papersPlace[index] == .slot(k) { papersPlace[index] = .counter }
    }

    /// Records the first violation only.
    mutating func fail(_ message: String) {
        if violation == nil { violation = message }
    }

    /// How many items physically lie in slot `k`.
    func itemCount(in k: Int) -> Int {
        var count = 0
        for place in resultPlace where place == .slot(k) { count += 1 }
        for place in papersPlace where place == .slot(k) { count += 1 }
        return count
    }

    /// The invariants: one item per slot, one slot per occupant, free slots empty and unassigned.
    mutating func checkInvariants() {
        guard violation == nil else { return }
        for k in slots.indices {
            let count = itemCount(in: k)
            if count > 1 { fail("slot \(k) holds \(items(in: k))") }
            let slot = slots[k]
            if slot.state == .free, slot.occupant.isAssigned || (count > 0 && openDoors[k] == nil) {
                fail("free slot \(k) is assigned to \(slot.occupant) and holds \(items(in: k))")
            }
            guard slot.occupant.isAssigned else { continue }
            for other in slots.indices where other > k && slots[other].occupant == slot.occupant {
                fail("\(slot.occupant) assigned to two slots")
            }
        }
    }
}
