/// The slot state machine: `free → reserved → doorOperation → occupied | free`, an occupied slot
/// opens again for pickup, recall or collection, and from any state staff may block it or
/// hardware may fault it, until staff clear it back to `free` or `occupied` after a check.
///
/// Allowed (state, event) pairs, everything else is refused:
/// - `free`: reserve → reserved; blockedByStaff; fault.
/// - `reserved`: release → free; doorOpened (load, hand-in) → doorOperation; blockedByStaff; fault.
/// - `doorOperation`: doorClosed → occupied (item) or free (empty); blockedByStaff; fault.
/// - `occupied`: doorOpened (pickup, recall, collect) → doorOperation; blockedByStaff; fault.
/// - `blocked`: fault; clearedByStaff → occupied | free; doorClosed (stays, occupancy updated).
/// - `fault`: blockedByStaff; clearedByStaff → occupied | free; doorClosed (stays, occupancy updated).
extension Slot {
    /// Applies `event` and returns what the shell must do (always a journal entry first).
    /// - Throws: `SlotRefusal` naming why the event is not allowed; the slot is then unchanged.
    public mutating func handle(_ event: SlotEvent) throws(SlotRefusal) -> [FlowAction] {
        var next = self
        let actions = try next.apply(event)
        self = next
        return actions
    }

    private mutating func apply(_ event: SlotEvent) throws(SlotRefusal) -> [FlowAction] {
        let journal = FlowAction.journal(kind: "slot." + event.kind.rawValue, subject: id.rawValue)
        switch event {
        case .reserve(let newOccupant):
            guard newOccupant.isAssigned else { throw .noOccupantGiven }
            guard !occupant.isAssigned else { throw .alreadyAssigned(to: occupant) }
            guard state == .free else { throw .notAllowed(state: state, event: event.kind) }
            guard enabled else { throw .disabled }
            state = .reserved
            occupant = newOccupant
            return [journal]

        case .release:
            guard state == .reserved else { throw .notAllowed(state: state, event: event.kind) }
            state = .free
            occupant = .none
            return [journal]

        case .doorOpened(let purpose):
            switch state {
            case .reserved where purpose.isInbound, .occupied where !purpose.isInbound:
                state = .doorOperation
                wearCount += 1
                return [journal]
            case .reserved, .occupied:
                throw .wrongPurpose(state: state, purpose: purpose)
            default:
                throw .notAllowed(state: state, event: event.kind)
            }

        case .doorClosed(let itemPresent):
            switch state {
            case .doorOperation:
                try settle(itemPresent: itemPresent)
            case .blocked, .fault:
                // Blocked or faulted while its door was open: the state stays for staff, but the
                // sensor still decides whom the slot holds, so no stale assignment survives.
                if itemPresent {
                    guard occupant.isAssigned else { throw .unknownItem }
                } else {
                    occupant = .none
                }
            default:
                throw .notAllowed(state: state, event: event.kind)
            }
            return [journal]

        case .blockedByStaff:
            guard state != .blocked else { throw .notAllowed(state: state, event: event.kind) }
            state = .blocked
            return [journal]

        case .fault(let cause):
            guard state != .fault else { throw .notAllowed(state: state, event: event.kind) }
            state = .fault
            let kind: BackendEventKind = cause == .doorForced ? .doorOpenedUnexpectedly : .incident
            return [journal, .notifyStaff(.slotFault(id, cause)), .emit(kind, subject: id.rawValue)]

        case .clearedByStaff(let itemPresent):
            guard state == .blocked || state == .fault else {
                throw .notAllowed(state: state, event: event.kind)
            }
            try settle(itemPresent: itemPresent)
            return [journal]
        }
    }

    /// After a door closed or a staff check: an item present stays with its occupant (there must
    /// be one), an empty slot becomes free and unassigned.
    private mutating func settle(itemPresent: Bool) throws(SlotRefusal) {
        if itemPresent {
            guard occupant.isAssigned else { throw .unknownItem }
            state = .occupied
        } else {
            state = .free
            occupant = .none
        }
    }
}
