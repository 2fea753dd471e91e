import Foundation
import Testing
@testable import KioskDomain

@Suite struct PickupAttemptPolicyTests {
    let t = Fixture.t0

    @Test func triesRemaining_countsFourThreeTwoOneZero_thenLocks() {
        // Given the standard policy
        let policy = PickupAttemptPolicy.standard
        // When 1…5 wrong codes have been entered
        let remaining = (1...5).map { policy.triesRemaining(afterWrongCodes: $0) }
        // Then 4, 3, 2, 1, 0 tries remain and only the fifth locks
        #expect(remaining == [4, 3, 2, 1, 0])
        #expect((1...5).map { policy.locksForStaff(afterWrongCodes: $0) } == [false, false, false, false, true])
        #expect(policy.triesRemaining(afterWrongCodes: 9) == 0)
    }

    @Test func configuredPerDossierLimit_isUsed() throws {
        // Given a limit of 3 wrong codes
        let policy = try PickupAttemptPolicy(wrongCodesPerDossier: 3)
        // When counting down
        // Then 2, 1, 0 remain and the third locks
        #expect((1...3).map { policy.triesRemaining(afterWrongCodes: $0) } == [2, 1, 0])
        #expect(policy.locksForStaff(afterWrongCodes: 3))
        #expect(!policy.locksForStaff(afterWrongCodes: 2))
    }

    @Test func kioskWideLimit_rateLimitsUntilTheOldestCountedCodeLeavesTheWindow() throws {
        // Given at most 3 wrong codes per 60 s, and wrong codes at t, t+10, t+20
        let policy = try PickupAttemptPolicy(wrongCodesPerWindow: 3, window: 60)
        let times = [t.addingTimeInterval(20), t, t.addingTimeInterval(10)]
        // When asked at t+19, t+30 and t+60
        // Then two codes still allow, three limit until t+60, and at t+60 the first has left the window
        #expect(policy.admission(at: t.addingTimeInterval(19), recentWrongCodes: Array(times.dropFirst())) == .allowed)
        #expect(policy.admission(at: t.addingTimeInterval(30), recentWrongCodes: times) == .rateLimited(until: t.addingTimeInterval(60)))
        #expect(policy.admission(at: t.addingTimeInterval(60), recentWrongCodes: times) == .allowed)
    }

    @Test func kioskWideLimit_windowSlidesWithPassedInTimes() throws {
        // Given at most 3 wrong codes per 60 s, logged as they happen
        let policy = try PickupAttemptPolicy(wrongCodesPerWindow: 3, window: 60)
        var log = WrongCodeLog()
        for offset in [0.0, 10, 20, 61, 62] { log.record(at: t.addingTimeInterval(offset), policy: policy) }
        // When asked at t+65
        let answer = log.admission(at: t.addingTimeInterval(65), policy: policy)
        // Then the code at t fell out; four remain, so the limit lasts until the second of them (t+20) expires
        #expect(log.times == [10.0, 20, 61, 62].map { t.addingTimeInterval($0) })
        #expect(answer == .rateLimited(until: t.addingTimeInterval(80)))
        #expect(log.admission(at: t.addingTimeInterval(79), policy: policy) == .rateLimited(until: t.addingTimeInterval(80)))
        #expect(log.admission(at: t.addingTimeInterval(80), policy: policy) == .allowed)
    }

    @Test func invalidConfiguration_isRefused() {
        // Given limits and windows outside their bounds
        // When policies are built
        // Then each is refused with its reason
        #expect(throws: PolicyConfigurationError.limitBelowOne(0)) { try PickupAttemptPolicy(wrongCodesPerDossier: 0) }
        #expect(throws: PolicyConfigurationError.limitBelowOne(-2)) { try PickupAttemptPolicy(wrongCodesPerWindow: -2) }
        #expect(throws: PolicyConfigurationError.windowNotPositive(0)) { try PickupAttemptPolicy(window: 0) }
    }
}
