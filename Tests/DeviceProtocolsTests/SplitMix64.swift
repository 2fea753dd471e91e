/// A small seeded generator so randomised tests reproduce: the seed is in every failure message.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs as a contiguous run.
    func containsRun(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The bytes cut into random chunks of 1…`maximum` bytes.
    func randomChunks(maximum: Int, using generator: inout SplitMix64) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var index = 0
        while index < count {
            let size = Int.random(in: 1...maximum, using: &generator)
            chunks.append(Array(self[index..<Swift.min(count, index + size)]))
            index += size
        }
        return chunks
    }
}
