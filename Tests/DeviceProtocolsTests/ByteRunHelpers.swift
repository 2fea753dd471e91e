import TestSupport

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
