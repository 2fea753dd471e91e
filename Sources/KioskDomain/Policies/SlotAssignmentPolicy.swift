/// Chooses the slot for an item: the smallest size that fits; for a citizen who asked for
/// accessible pickup, a door within the reachable band (default 380–1220 mm above the floor) first;
/// among equals the least worn door, then the lowest label, so the choice is deterministic.
/// Never a disabled, non-free, blocked or faulty slot, nor one that has an occupant.
public struct SlotAssignmentPolicy: Hashable, Sendable {
    /// The reachable band for citizens who need it (DOMAIN §9): 380–1220 mm.
    public static let standard = SlotAssignmentPolicy(checkedBand: 380...1220)

    /// Door heights (mm above the floor, within 0…3000) a seated or short person can reach.
    public let reachableBand: ClosedRange<Int>

    /// A policy with a configured reachable band.
    /// - Throws: `PolicyConfigurationError.reachableBandOutOfRange` unless the band lies within
    ///   0…3000 mm.
    public init(reachableBand: ClosedRange<Int>) throws(PolicyConfigurationError) {
        guard reachableBand.lowerBound >= 0, reachableBand.upperBound <= Slot.maximumDoorHeightMm else {
            throw .reachableBandOutOfRange(lower: reachableBand.lowerBound, upper: reachableBand.upperBound)
        }
        self.init(checkedBand: reachableBand)
    }

    private init(checkedBand: ClosedRange<Int>) {
        reachableBand = checkedBand
    }

    /// Whether `slot`'s door is within the reachable band.
    public func isReachable(_ slot: Slot) -> Bool {
        reachableBand.contains(slot.doorHeightMm)
    }

    /// The slot to use for an item of `size`, from `slots` (any order).
    /// - Parameter accessible: prefer doors within the reachable band; when none of those is
    ///   usable, fall back to the others rather than refuse.
    /// - Throws: `NoSlotReason` when no usable slot fits.
    public func choose(for size: SlotSize, accessible: Bool, from slots: [Slot]) throws(NoSlotReason) -> Slot {
        let fitting = slots.filter { $0.size >= size }
        guard !fitting.isEmpty else { throw .noSlotLargeEnough(required: size) }
        let usable = fitting.filter(\.isAssignable)
        let best = usable.min { lhs, rhs in
            rank(lhs, accessible: accessible) < rank(rhs, accessible: accessible)
        }
        guard let best else {
            let outOfService = fitting.filter { !$0.enabled || $0.state == .blocked || $0.state == .fault }.count
            throw .allFittingSlotsUnavailable(
                required: size, busy: fitting.count - outOfService, outOfService: outOfService)
        }
        return best
    }

    /// Lexicographic rank: out of band (when asked), size, wear, label.
    private func rank(_ slot: Slot, accessible: Bool) -> Rank {
        Rank(
            outOfBand: accessible && !isReachable(slot) ? 1 : 0,
            size: SlotSize.allCases.firstIndex(of: slot.size) ?? 0,
            wear: slot.wearCount,
            label: slot.id.rawValue)
    }

    private struct Rank: Comparable {
        var outOfBand: Int
        var size: Int
        var wear: Int
        var label: String

        static func < (lhs: Rank, rhs: Rank) -> Bool {
            (lhs.outOfBand, lhs.size, lhs.wear, lhs.label) < (rhs.outOfBand, rhs.size, rhs.wear, rhs.label)
        }
    }
}
