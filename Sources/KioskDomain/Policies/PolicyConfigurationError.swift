/// Why a policy's configuration was refused at start-up.
public enum PolicyConfigurationError: Error, Equatable, Sendable {
    /// The holding period must be 1…365 whole days.
    case holdingPeriodOutOfRange(days: Int)
    /// A wrong-code limit must be at least 1.
    case limitBelowOne(Int)
    /// The rate-limit window must be a finite number of seconds above zero.
    case windowNotPositive(Double)
    /// The reachable band must lie within 0…3000 mm.
    case reachableBandOutOfRange(lower: Int, upper: Int)
}
