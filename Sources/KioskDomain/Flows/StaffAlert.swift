import Foundation

/// Why staff must come to the kiosk; shown on the staff slot grid and pushed to their devices.
public enum StaffAlert: Hashable, Sendable {
    /// The door of a pickup closed with the result still inside.
    case itemLeftAfterPickup(DossierCode, SlotID)
    /// Too many wrong pickup codes: the hand-out is locked until staff release it.
    case lockedAfterWrongCodes(DossierCode)
    /// The lock did not confirm the unlock (jammed or board fault).
    case lockJammed(SlotID)
    /// A hand-out needs staff (`SU_CO`); the slot when one is involved.
    case handOutIncident(DossierCode, SlotID?, IncidentCause)
    /// A citizen drop went wrong at this slot; papers may be inside.
    case handInIncident(UUID, SlotID, IncidentCause)
    /// The slot itself misbehaved.
    case slotFault(SlotID, IncidentCause)
    /// A result in this slot must be taken back to the counter (withdrawn or overdue).
    case recallNeeded(DossierCode, SlotID)
}
