import Foundation

/// One locker slot (`Ô tủ`) as the kiosk records it: its fixed build, whether it may be used,
/// its state and whom it is assigned to. A value-type state machine: change it only through
/// `handle(_:)` (see `Slot+Transitions.swift`).
///
/// Invariants kept by the machine: `free` has no occupant; `reserved` and `occupied` always have
/// one; an occupant is never replaced by another while present.
public struct Slot: Hashable, Sendable {
    /// The highest door a slot can have, mm above the floor.
    public static let maximumDoorHeightMm = 3000

    /// The label on the door, e.g. `B-07`.
    public let id: SlotID
    /// Size class.
    public let size: SlotSize
    /// Height of the door's lower edge above the floor, mm, 0…3000.
    public let doorHeightMm: Int
    /// Whether new assignments may use this slot (configuration; a disabled slot keeps its
    /// occupant and can still be emptied).
    public var enabled: Bool
    /// Recorded state (`TrangThaiO`).
    public internal(set) var state: SlotState
    /// Whom the slot is reserved for or holds.
    public internal(set) var occupant: SlotOccupant
    /// Door cycles so far (each confirmed opening counts one), ≥ 0.
    public internal(set) var wearCount: Int

    /// A free, empty slot.
    /// - Throws: `SlotRefusal.invalidDoorHeight` unless 0 ≤ `doorHeightMm` ≤ 3000,
    ///   `.invalidWearCount` for a negative wear count.
    public init(
        id: SlotID, size: SlotSize, doorHeightMm: Int, enabled: Bool = true, wearCount: Int = 0
    ) throws(SlotRefusal) {
        try self.init(
            restoring: id, size: size, doorHeightMm: doorHeightMm, enabled: enabled,
            state: .free, occupant: .none, wearCount: wearCount)
    }

    /// A slot as last recorded (for the store). Refuses combinations the machine never produces.
    /// - Throws: `SlotRefusal.invalidDoorHeight`, `.invalidWearCount`, or
    ///   `.inconsistentRecord` when a free slot has an occupant or a reserved/occupied one has none.
    public init(
        restoring id: SlotID, size: SlotSize, doorHeightMm: Int, enabled: Bool,
        state: SlotState, occupant: SlotOccupant, wearCount: Int
    ) throws(SlotRefusal) {
        guard (0...Self.maximumDoorHeightMm).contains(doorHeightMm) else {
            throw .invalidDoorHeight(doorHeightMm)
        }
        guard wearCount >= 0 else { throw .invalidWearCount(wearCount) }
        switch state {
        case .free where occupant.isAssigned:
            throw .inconsistentRecord(state: state)
        case .reserved where !occupant.isAssigned, .occupied where !occupant.isAssigned:
            throw .inconsistentRecord(state: state)
        default:
            break
        }
        self.id = id
        self.size = size
        self.doorHeightMm = doorHeightMm
        self.enabled = enabled
        self.state = state
        self.occupant = occupant
        self.wearCount = wearCount
    }

    /// Whether a new item could be assigned here right now: enabled, free and unassigned.
    public var isAssignable: Bool {
        enabled && state == .free && !occupant.isAssigned
    }
}
