/// How long to wait before the next attempt after consecutive failures: exponential growth from
/// `initial` by `multiplier`, capped at `maximum`, with "equal jitter" (a uniform draw between half
/// the capped delay and the whole of it) so that a fleet of kiosks coming back after an outage
/// does not retry in step. The random draw comes from a generator passed in, so a seeded one
/// replays the same delays in tests.
public struct BackoffPolicy: Sendable, Equatable {
    /// Delay before the first retry, before jitter (> 0).
    public var initial: Duration
    /// Growth per further failure (≥ 1).
    public var multiplier: Double
    /// The longest delay ever returned (≥ `initial`).
    public var maximum: Duration

    /// Production numbers: 0.5 s, doubling, capped at 60 s (reached after 8 failures).
    public static let standard = BackoffPolicy(checkedInitial: .milliseconds(500), multiplier: 2, maximum: .seconds(60))

    /// A policy.
    /// - Throws: `SyncConfigurationError.invalidBackoff` when `initial` is not positive,
    ///   `multiplier` is below 1 or not finite, or `maximum` is shorter than `initial`.
    public init(initial: Duration, multiplier: Double, maximum: Duration) throws(SyncConfigurationError) {
        guard initial > .zero, multiplier.isFinite, multiplier >= 1, maximum >= initial else {
            throw .invalidBackoff("initial \(initial), multiplier \(multiplier), maximum \(maximum)")
        }
        self.init(checkedInitial: initial, multiplier: multiplier, maximum: maximum)
    }

    private init(checkedInitial: Duration, multiplier: Double, maximum: Duration) {
        self.initial = checkedInitial
        self.multiplier = multiplier
        self.maximum = maximum
    }

    /// The capped delay before jitter after `failures` consecutive failures (1 = first retry).
    public func ceiling(afterFailures failures: Int) -> Duration {
        let exponent = Double(max(failures, 1) - 1)
        let initialSeconds = Self.seconds(initial)
        let maximumSeconds = Self.seconds(maximum)
        let grown = initialSeconds * Self.power(multiplier, exponent)
        return Self.duration(min(grown, maximumSeconds))
    }

    /// The jittered delay after `failures` consecutive failures: uniform in
    /// `[ceiling / 2, ceiling]`, never above `maximum`.
    public func delay(afterFailures failures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceilingSeconds = Self.seconds(ceiling(afterFailures: failures))
        let fraction = Double.random(in: 0.5...1, using: &generator)
        return Self.duration(ceilingSeconds * fraction)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    static func duration(_ seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// `base` to the power `exponent`, saturating instead of overflowing.
    private static func power(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        var remaining = Int(exponent)
        while remaining > 0, result < 1e12 {
            result *= base
            remaining -= 1
        }
        return result
    }
}
