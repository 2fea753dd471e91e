import Foundation

/// The kiosk-wide record of recent wrong pickup codes, kept by the engine and asked through a
/// `PickupAttemptPolicy`. Holds only times within the policy's window (older ones are dropped
/// on each record), so it stays small.
public struct WrongCodeLog: Hashable, Sendable {
    /// Times of wrong codes still inside the window, oldest first.
    public private(set) var times: [Date]

    /// An empty log.
    public init() {
        times = []
    }

    /// Records a wrong code at `now` and forgets those that left the window of `policy`.
    public mutating func record(at now: Date, policy: PickupAttemptPolicy) {
        let windowStart = now.addingTimeInterval(-policy.window)
        times.removeAll { $0 <= windowStart }
        let index = times.firstIndex { $0 > now } ?? times.endIndex
        times.insert(now, at: index)
    }

    /// Whether a code may be tried at `now` under `policy`.
    public func admission(at now: Date, policy: PickupAttemptPolicy) -> PickupAdmission {
        policy.admission(at: now, recentWrongCodes: times)
    }
}
