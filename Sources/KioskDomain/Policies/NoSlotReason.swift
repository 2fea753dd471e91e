/// Why no slot could be chosen for an item of a given size.
public enum NoSlotReason: Error, Hashable, Sendable {
    /// No slot of the kiosk, in any state, is at least `required` in size.
    case noSlotLargeEnough(required: SlotSize)
    /// Slots big enough exist, but none is usable now: `busy` are reserved, open or occupied,
    /// `outOfService` are disabled, blocked or faulty.
    case allFittingSlotsUnavailable(required: SlotSize, busy: Int, outOfService: Int)
}
