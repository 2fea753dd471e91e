import Synchronization

/// The simulator's source of pickup codes and salts: the system's secure generator, or a
/// seeded SplitMix64 sequence when a seed is configured (reproducible demos and tests).
final class SimRandom: Sendable {
    private let state: Mutex<UInt64?>

    /// Seeded when `seed` is given, otherwise system randomness.
    init(seed: UInt64?) {
        state = Mutex(seed)
    }

    /// Runs `body` with a generator; the seeded sequence continues across calls.
    func with<T>(_ body: (inout any RandomNumberGenerator) throws -> T) rethrows -> T {
        try state.withLock { seed in
            guard let current = seed else {
                var system: any RandomNumberGenerator = SystemRandomNumberGenerator()
                return try body(&system)
            }
            var generator: any RandomNumberGenerator = SplitMixGenerator(state: current)
            defer { seed = (generator as? SplitMixGenerator)?.state ?? current }
            return try body(&generator)
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast and seedable; used for reproducible
/// simulator behaviour, never for production secrets.
struct SplitMixGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
