import Foundation
import Testing
@testable import KioskDomain

@Suite struct HandOutRuleTests {
    @Test func wrongCodes_countDownFourToOne_thenLockAndRefuseEveryAttempt() throws {
        // Given a result ready for pickup
        let table = try HandOutTable()
        var handOut = table.value(in: .readyForPickup)
        // When four wrong codes are entered
        var remaining: [Int] = []
        for _ in 1...4 {
            let actions = try handOut.handle(.codeWrong)
            for case .alertCitizen(.wrongCode(let left)) in actions { remaining.append(left) }
        }
        // Then the citizen is told 4, 3, 2, 1 tries remain
        #expect(remaining == [4, 3, 2, 1])
        #expect(handOut.triesRemaining == 1)
        // When the fifth is wrong
        let fifth = try handOut.handle(.codeWrong)
        // Then it is locked for staff, with 0 tries left
        #expect(handOut.lockedForStaff)
        #expect(handOut.triesRemaining == 0)
        #expect(fifth.contains(.notifyStaff(.lockedAfterWrongCodes(table.code))))
        // And every further attempt, right or wrong, is refused without change
        let locked = handOut
        #expect(throws: HandOutRefusal.lockedForStaff) { try handOut.handle(.codeWrong) }
        #expect(throws: HandOutRefusal.lockedForStaff) { try handOut.handle(.codeVerified(feeDue: 0)) }
        #expect(handOut == locked)
    }

    @Test func unlockedByStaff_whenNotLocked_isRefused() throws {
        // Given a ready hand-out that is not locked
        let table = try HandOutTable()
        var handOut = table.value(in: .readyForPickup, wrongAttempts: 2)
        let before = handOut
        // When staff unlock it
        // Then the refusal says it is not locked and the count is kept
        #expect(throws: HandOutRefusal.notLocked) { try handOut.handle(.unlockedByStaff) }
        #expect(handOut == before)
    }

    @Test func inPersonOnlyDossier_isRefusedAtAuthenticationAndAtLoading() throws {
        // Given a dossier that must be received in person, ready in a slot
        let table = try HandOutTable()
        let base = table.value(in: .readyForPickup)
        var handOut = HandOut(
            restoring: base.id, dossierCode: base.dossierCode, inPersonOnly: true,
            holdingPolicy: .standard, attemptPolicy: .standard, state: .readyForPickup, slot: base.slot,
            feeDue: 0, wrongAttempts: 0, lockedForStaff: false, loadedAt: base.loadedAt,
            holdUntil: base.holdUntil, handedOutAt: nil, incidentCause: nil)
        let before = handOut
        // When the citizen authenticates, right or wrong
        // Then both are refused with the in-person reason and no door opens
        #expect(throws: HandOutRefusal.inPersonOnly) { try handOut.handle(.codeVerified(feeDue: 0)) }
        #expect(throws: HandOutRefusal.inPersonOnly) { try handOut.handle(.codeWrong) }
        #expect(handOut == before)
        // And a fresh hand-out for such a dossier cannot even be loaded
        var fresh = HandOut(id: Fixture.uuid(9), dossier: try Fixture.dossier(inPersonOnly: true))
        #expect(throws: HandOutRefusal.inPersonOnly) { try fresh.handle(.loadStarted(slot: table.slotB)) }
        #expect(fresh.state == .awaitingLoad)
    }

    @Test func deadlinePassed_beforeHoldUntil_isRefusedWithTheDeadline() throws {
        // Given a result loaded at t0 with the default 7-day hold
        let table = try HandOutTable()
        var handOut = table.value(in: .readyForPickup)
        // When the deadline event arrives at exactly the deadline
        // Then it is refused (the deadline itself is still within the holding period)
        #expect(throws: HandOutRefusal.deadlineNotReached(holdUntil: table.holdUntil)) {
            try handOut.handle(.deadlinePassed(at: table.holdUntil))
        }
        // And one second later it is overdue, still collectable
        _ = try handOut.handle(.deadlinePassed(at: table.holdUntil.addingTimeInterval(1)))
        #expect(handOut.state == .overdue)
        _ = try handOut.handle(.codeVerified(feeDue: 0))
        #expect(handOut.state == .handingOut)
    }

    @Test func negativeFee_atAuthentication_isRefused() throws {
        // Given a ready hand-out
        let table = try HandOutTable()
        var handOut = table.value(in: .readyForPickup)
        // When authentication reports a negative fee
        // Then it is refused as an invalid fee
        #expect(throws: HandOutRefusal.invalidFee(-1)) { try handOut.handle(.codeVerified(feeDue: -1)) }
        #expect(handOut.state == .readyForPickup)
    }

    @Test func incidentDuringLoading_cannotBeClearedToPickup() throws {
        // Given an incident that happened before the result was ever reported loaded
        let table = try HandOutTable()
        var handOut = table.value(in: .loading)
        _ = try handOut.handle(.doorTimerExpired)
        let before = handOut
        // When staff try to clear it back to pickup
        // Then it is refused as never loaded; only a recall ends it
        #expect(throws: HandOutRefusal.neverLoaded) { try handOut.handle(.incidentCleared(at: Fixture.t1)) }
        #expect(handOut == before)
        _ = try handOut.handle(.recalledByStaff)
        #expect(handOut.state == .recalled)
    }

    @Test func newHandOut_takesCodeFeeAndInPersonFlagFromTheDossier() throws {
        // Given a dossier with a fee due
        let dossier = try Fixture.dossier(feeDue: 30_000)
        // When a hand-out is created for it
        let handOut = HandOut(id: Fixture.uuid(3), dossier: dossier)
        // Then it waits for loading with the dossier's code and fee
        #expect(handOut.state == .awaitingLoad)
        #expect(handOut.dossierCode == dossier.code)
        #expect(handOut.feeDue == 30_000)
        #expect(handOut.slot == nil)
        #expect(handOut.triesRemaining == 5)
    }
}
