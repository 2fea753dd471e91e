import Foundation
import Testing
@testable import KioskDomain

@Suite struct SlotAssignmentPolicyTests {
    let policy = SlotAssignmentPolicy.standard
    let someone = SlotOccupant.handOut(Fixture.uuid(7))

    @Test func choose_picksTheSmallestSizeThatFits() throws {
        // Given a large, a medium and a small free slot
        let slots = [
            try Fixture.slot("C-01", .large), try Fixture.slot("B-01", .medium), try Fixture.slot("A-01", .small),
        ]
        // When slots for a small and a medium item are chosen
        // Then the small one and the medium one are chosen
        #expect(try policy.choose(for: .small, accessible: false, from: slots).id.rawValue == "A-01")
        #expect(try policy.choose(for: .medium, accessible: false, from: slots).id.rawValue == "B-01")
        #expect(try policy.choose(for: .large, accessible: false, from: slots).id.rawValue == "C-01")
    }

    @Test func choose_whenSmallIsTaken_movesUpOneSize() throws {
        // Given the only small slot occupied
        let slots = [
            try Fixture.slot("A-01", .small, state: .occupied, occupant: someone),
            try Fixture.slot("C-01", .large), try Fixture.slot("B-01", .medium),
        ]
        // When a slot for a small item is chosen
        // Then the medium one is chosen, not the large
        #expect(try policy.choose(for: .small, accessible: false, from: slots).id.rawValue == "B-01")
    }

    @Test func choose_forAccessiblePickup_prefersADoorInTheReachableBand() throws {
        // Given a small slot high up and a medium one at 800 mm
        let slots = [try Fixture.slot("A-01", .small, heightMm: 1500), try Fixture.slot("B-01", .medium, heightMm: 800)]
        // When an accessible and an ordinary slot are chosen for a small item
        // Then accessibility wins over size; without it the smallest wins
        #expect(try policy.choose(for: .small, accessible: true, from: slots).id.rawValue == "B-01")
        #expect(try policy.choose(for: .small, accessible: false, from: slots).id.rawValue == "A-01")
    }

    @Test func choose_bandEdgesAreReachable_andOutsideFallsBack() throws {
        // Given doors at exactly 380 mm and 1220 mm, and one at 379 mm
        let edges = [try Fixture.slot("A-01", .small, heightMm: 1220, wear: 9), try Fixture.slot("A-02", .small, heightMm: 379)]
        let low = [try Fixture.slot("A-03", .small, heightMm: 380, wear: 9), try Fixture.slot("A-04", .small, heightMm: 1221)]
        let noneReachable = [try Fixture.slot("A-05", .medium, heightMm: 2000), try Fixture.slot("A-06", .small, heightMm: 100)]
        // When accessible slots are chosen
        // Then the band is inclusive, and with none in the band the best other slot is used
        #expect(try policy.choose(for: .small, accessible: true, from: edges).id.rawValue == "A-01")
        #expect(try policy.choose(for: .small, accessible: true, from: low).id.rawValue == "A-03")
        #expect(try policy.choose(for: .small, accessible: true, from: noneReachable).id.rawValue == "A-06")
    }

    @Test func choose_configuredBand_changesWhatIsReachable() throws {
        // Given a band of 900–1000 mm
        let narrow = try SlotAssignmentPolicy(reachableBand: 900...1000)
        let slots = [try Fixture.slot("A-01", .small, heightMm: 800), try Fixture.slot("A-02", .small, heightMm: 950, wear: 5)]
        // When an accessible slot is chosen
        // Then only the door inside the configured band counts as reachable
        #expect(try narrow.choose(for: .small, accessible: true, from: slots).id.rawValue == "A-02")
        #expect(throws: PolicyConfigurationError.reachableBandOutOfRange(lower: -1, upper: 900)) {
            try SlotAssignmentPolicy(reachableBand: -1...900)
        }
    }

    @Test func choose_spreadsWear_andBreaksTiesByLabel() throws {
        // Given three equal small slots, two of them equally least worn
        let slots = [
            try Fixture.slot("A-03", .small, wear: 2), try Fixture.slot("A-01", .small, wear: 7),
            try Fixture.slot("A-02", .small, wear: 2),
        ]
        // When a slot is chosen, in either order of the input
        // Then the least worn with the lowest label is chosen
        #expect(try policy.choose(for: .small, accessible: false, from: slots).id.rawValue == "A-02")
        #expect(try policy.choose(for: .small, accessible: false, from: slots.reversed()).id.rawValue == "A-02")
    }

    @Test func choose_neverPicksDisabledBusyBlockedOrFaultySlots() throws {
        // Given only unusable small slots, every one less worn than the usable medium slot
        let unusable = [
            try Fixture.slot("A-01", .small, enabled: false),
            try Fixture.slot("A-02", .small, state: .blocked),
            try Fixture.slot("A-03", .small, state: .fault),
            try Fixture.slot("A-04", .small, state: .reserved, occupant: someone),
            try Fixture.slot("A-05", .small, state: .doorOperation, occupant: .handIn(Fixture.uuid(8))),
        ]
        let usable = try Fixture.slot("B-01", .medium, wear: 50)
        // When a small slot is chosen with and without the usable one
        // Then only the usable one is ever chosen, and without it the reason counts busy and out of service
        #expect(try policy.choose(for: .small, accessible: false, from: unusable + [usable]).id.rawValue == "B-01")
        #expect(throws: NoSlotReason.allFittingSlotsUnavailable(required: .small, busy: 2, outOfService: 3)) {
            try policy.choose(for: .small, accessible: false, from: unusable)
        }
    }

    @Test func choose_whenNothingIsLargeEnough_saysSo() throws {
        // Given only small and medium slots, all free
        let slots = [try Fixture.slot("A-01", .small), try Fixture.slot("B-01", .medium)]
        // When a slot for drawings (large) is chosen
        // Then the reason is that no slot is large enough
        #expect(throws: NoSlotReason.noSlotLargeEnough(required: .large)) {
            try policy.choose(for: .large, accessible: false, from: slots)
        }
        #expect(throws: NoSlotReason.noSlotLargeEnough(required: .small)) {
            try policy.choose(for: .small, accessible: false, from: [])
        }
    }
}
