import Foundation
import Testing
@testable import KioskDomain

@Suite struct HoldingPolicyTests {
    @Test func standardDeadline_isSevenDaysAfterLoading() {
        // Given the default policy and a result loaded at t0
        let policy = HoldingPolicy.standard
        // When its deadline is computed
        let deadline = policy.deadline(loadedAt: Fixture.t0)
        // Then it is exactly 7 × 86 400 s later, and only strictly after it is overdue
        #expect(policy.days == 7)
        #expect(deadline == Fixture.t0.addingTimeInterval(604_800))
        #expect(!policy.isOverdue(loadedAt: Fixture.t0, at: deadline))
        #expect(policy.isOverdue(loadedAt: Fixture.t0, at: deadline.addingTimeInterval(1)))
    }

    @Test func configuredPeriod_isUsed() throws {
        // Given a 14-day and a 1-day policy
        let long = try HoldingPolicy(days: 14)
        let short = try HoldingPolicy(days: 1)
        // When deadlines are computed
        // Then they follow the configured days
        #expect(long.deadline(loadedAt: Fixture.t0) == Fixture.t0.addingTimeInterval(14 * 86_400))
        #expect(short.deadline(loadedAt: Fixture.t0) == Fixture.t0.addingTimeInterval(86_400))
        #expect(long.isPast(deadline: Fixture.t0, at: Fixture.t1))
    }

    @Test func periodUnderOneDayOrOverAYear_isRefused() {
        // Given 0 and 366 days
        // When policies are built
        // Then both are refused
        #expect(throws: PolicyConfigurationError.holdingPeriodOutOfRange(days: 0)) { try HoldingPolicy(days: 0) }
        #expect(throws: PolicyConfigurationError.holdingPeriodOutOfRange(days: 366)) { try HoldingPolicy(days: 366) }
    }
}
