import Foundation

/// Whom a slot is assigned to: in `reserved` the item expected, in `occupied` the item inside.
/// At most one occupant per slot, and an occupant in at most one slot.
public enum SlotOccupant: Hashable, Sendable {
    /// Nobody: the slot is free, or blocked/faulty with nothing assigned.
    case none
    /// A result on its way out (hand-out id).
    case handOut(UUID)
    /// A citizen drop (hand-in id).
    case handIn(UUID)

    /// Whether some hand-out or hand-in is assigned.
    public var isAssigned: Bool { self != .none }
}
