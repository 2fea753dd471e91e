import Foundation

/// Something that happened to a citizen drop. Times are passed in; none is read.
public enum HandInEvent: Hashable, Sendable {
    /// The kiosk chose `slot` (by `SlotAssignmentPolicy`) after the checklist and any intake fee.
    case slotAssigned(SlotID)
    /// The lock board did not confirm the unlock (door never opened).
    case unlockFailed
    /// The door closed with the item sensor reporting papers inside.
    case doorClosedWithItem(at: Date)
    /// The door closed with the item sensor reporting the slot empty.
    case doorClosedEmpty
    /// The door timer ran out with the door still open.
    case doorTimerExpired
    /// A forced door, a sensor disagreement, power loss or a silent board at the drop's slot.
    case fault(IncidentCause)
    /// The citizen cancelled, or the session timed out, before any door opened.
    case cancelledByCitizen
    /// Staff emptied the slot and took the papers at `at` (`THU_GOM`).
    case collectedByStaff(at: Date)

    /// The kind of event, without its data; raw values appear in journal kinds.
    public enum Kind: String, CaseIterable, Sendable {
        case slotAssigned, unlockFailed, doorClosedWithItem, doorClosedEmpty, doorTimerExpired
        case fault, cancelledByCitizen, collectedByStaff
    }

    /// This event's kind.
    public var kind: Kind {
        switch self {
        case .slotAssigned: .slotAssigned
        case .unlockFailed: .unlockFailed
        case .doorClosedWithItem: .doorClosedWithItem
        case .doorClosedEmpty: .doorClosedEmpty
        case .doorTimerExpired: .doorTimerExpired
        case .fault: .fault
        case .cancelledByCitizen: .cancelledByCitizen
        case .collectedByStaff: .collectedByStaff
        }
    }
}
