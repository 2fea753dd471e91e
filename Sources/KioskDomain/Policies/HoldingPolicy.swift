import Foundation

/// How long a loaded result waits in its slot before it is overdue (`QUA_HAN`) and staff should
/// recall it. Whole days of 86 400 s (Vietnam keeps no daylight saving), counted from the moment
/// the door closed on the loaded item.
public struct HoldingPolicy: Hashable, Sendable {
    /// Seconds in one holding day.
    public static let secondsPerDay: TimeInterval = 86_400
    /// The default: 7 days.
    public static let standard = HoldingPolicy(checkedDays: 7)

    /// The holding period in whole days, 1…365.
    public let days: Int

    /// A holding period of `days` whole days.
    /// - Throws: `PolicyConfigurationError.holdingPeriodOutOfRange` unless 1 ≤ `days` ≤ 365.
    public init(days: Int) throws(PolicyConfigurationError) {
        guard (1...365).contains(days) else { throw .holdingPeriodOutOfRange(days: days) }
        self.days = days
    }

    private init(checkedDays: Int) {
        self.days = checkedDays
    }

    /// The holding period in seconds.
    public var period: TimeInterval { TimeInterval(days) * Self.secondsPerDay }

    /// The pickup deadline of a result loaded at `loadedAt`: `loadedAt` + `days` × 86 400 s.
    public func deadline(loadedAt: Date) -> Date {
        loadedAt.addingTimeInterval(period)
    }

    /// Whether `now` is strictly after `deadline` (at the deadline itself the result is still
    /// within its holding period).
    public func isPast(deadline: Date, at now: Date) -> Bool {
        now > deadline
    }

    /// Whether a result loaded at `loadedAt` is overdue at `now`.
    public func isOverdue(loadedAt: Date, at now: Date) -> Bool {
        isPast(deadline: deadline(loadedAt: loadedAt), at: now)
    }
}
