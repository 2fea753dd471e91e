/// Comparisons whose running time does not depend on where two secrets first differ.
///
/// Used for password-hash digests, HMACs and pickup codes: an early-exit comparison would let
/// someone who can time many attempts learn a stored digest byte by byte.
public enum ConstantTime {
    /// Whether `lhs` and `rhs` hold the same bytes. Every byte pair is visited whatever the
    /// contents; only the lengths (never secret here: digests have fixed sizes) end it early.
    @inline(never)
    public static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}
