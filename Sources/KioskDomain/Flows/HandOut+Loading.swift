import Foundation

/// Loading and the door outcomes: staff open a slot, put the result in, close the door; the item
/// sensor decides whether it is loaded. The same door outcomes end a pickup.
extension HandOut {
    mutating func startLoad(into newSlot: SlotID) throws(HandOutRefusal) -> [FlowAction] {
        guard state == .awaitingLoad else { throw refusal(.loadStarted) }
        guard !inPersonOnly else { throw .inPersonOnly }
        state = .loading
        slot = newSlot
        return [
            .reserveSlot(newSlot, for: .handOut(id)),
            .openSlot(newSlot, purpose: .load),
            .startDoorTimer(newSlot),
        ]
    }

    mutating func unlockFailed(at: Date) throws(HandOutRefusal) -> [FlowAction] {
        guard let current = slot else { throw refusal(.unlockFailed) }
        switch state {
        case .loading:
            state = .awaitingLoad
            slot = nil
            return [.cancelDoorTimer(current), .releaseSlot(current), .notifyStaff(.lockJammed(current))]
        case .handingOut:
            resumeWaiting(at: at)
            return [
                .cancelDoorTimer(current), .notifyStaff(.lockJammed(current)),
                .alertCitizen(.doorDidNotOpen(current)),
            ]
        default:
            throw refusal(.unlockFailed)
        }
    }

    mutating func doorClosedWithItem(at: Date) throws(HandOutRefusal) -> [FlowAction] {
        guard let current = slot else { throw refusal(.doorClosedWithItem) }
        switch state {
        case .loading:
            state = .readyForPickup
            loadedAt = at
            holdUntil = holdingPolicy.deadline(loadedAt: at)
            return [.cancelDoorTimer(current), .emit(.resultLoaded, subject: dossierCode.rawValue)]
        case .handingOut:
            resumeWaiting(at: at)
            return [
                .cancelDoorTimer(current),
                .notifyStaff(.itemLeftAfterPickup(dossierCode, current)),
                .alertCitizen(.resultStillInSlot(current)),
            ]
        default:
            throw refusal(.doorClosedWithItem)
        }
    }

    mutating func doorClosedEmpty(at: Date) throws(HandOutRefusal) -> [FlowAction] {
        guard let current = slot else { throw refusal(.doorClosedEmpty) }
        switch state {
        case .loading:
            // Nothing went in: the slot frees itself on this door outcome; wait for a new load.
            state = .awaitingLoad
            slot = nil
            return [.cancelDoorTimer(current)]
        case .handingOut:
            state = .handedOut
            handedOutAt = at
            slot = nil
            return [
                .cancelDoorTimer(current),
                .emit(.resultHandedOut, subject: dossierCode.rawValue),
                .printHandOutSlip(handOut: id),
            ]
        default:
            throw refusal(.doorClosedEmpty)
        }
    }
}
