/// Why a slot refused an event or a record; the slot is left unchanged.
public enum SlotRefusal: Error, Hashable, Sendable {
    /// This kind of event is not allowed in this state.
    case notAllowed(state: SlotState, event: SlotEvent.Kind)
    /// The slot already has an occupant; it never takes a second one.
    case alreadyAssigned(to: SlotOccupant)
    /// A reservation must name a hand-out or a hand-in.
    case noOccupantGiven
    /// The slot is disabled by configuration and takes no new assignment.
    case disabled
    /// The door may open for `purpose` only from the matching state (inbound from `reserved`,
    /// outbound from `occupied`).
    case wrongPurpose(state: SlotState, purpose: DoorPurpose)
    /// Staff report an item in a slot that nobody is assigned to; it must be identified first.
    case unknownItem
    /// Door height outside 0…3000 mm.
    case invalidDoorHeight(Int)
    /// A negative wear counter.
    case invalidWearCount(Int)
    /// A recorded state and occupant the machine never produces together.
    case inconsistentRecord(state: SlotState)
}
