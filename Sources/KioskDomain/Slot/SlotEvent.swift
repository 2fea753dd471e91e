/// Something that happened to a slot: an assignment from a flow, a confirmed door movement from
/// the lock board, or a staff/technician decision.
public enum SlotEvent: Hashable, Sendable {
    /// A flow reserves the slot for `occupant` (which must not be `.none`).
    case reserve(for: SlotOccupant)
    /// A reservation is given back before its door opened.
    case release
    /// The lock board confirmed the door unlocked for `purpose`; counts one door cycle.
    case doorOpened(DoorPurpose)
    /// The door closed; `itemPresent` is the item sensor's reading. Also accepted while blocked
    /// or faulty (the state stays; an empty reading drops the assignment).
    case doorClosed(itemPresent: Bool)
    /// Staff or a technician blocked the slot for maintenance (`KHOA`).
    case blockedByStaff
    /// Hardware reported a fault at this slot (`LOI`).
    case fault(IncidentCause)
    /// Staff checked the slot with its door shut and cleared the block or fault; `itemPresent` is
    /// what they found.
    case clearedByStaff(itemPresent: Bool)

    /// The kind of event, without its data; raw values appear in journal kinds.
    public enum Kind: String, CaseIterable, Sendable {
        case reserve, release, doorOpened, doorClosed, blockedByStaff, fault, clearedByStaff
    }

    /// This event's kind.
    public var kind: Kind {
        switch self {
        case .reserve: .reserve
        case .release: .release
        case .doorOpened: .doorOpened
        case .doorClosed: .doorClosed
        case .blockedByStaff: .blockedByStaff
        case .fault: .fault
        case .clearedByStaff: .clearedByStaff
        }
    }
}
