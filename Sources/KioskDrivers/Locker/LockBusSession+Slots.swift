import KioskHAL

// Open requests, bounds, confirmations and the per-slot diff into events.
extension LockBusSession {
    /// Queues an open; unknown slots, offline boards and a lost link are answered at once.
    mutating func requestOpen(ticket: UInt64, label: String) -> [LockSessionAction] {
        guard let slot = slotsByLabel[label] else { return [.finish(ticket: ticket, .outcome(.unknownSlot))] }
        guard linkUp else { return [.finish(ticket: ticket, .busLost)] }
        guard health[slot.board]?.state != .offline else { return [.finish(ticket: ticket, .outcome(.boardOffline))] }
        pendingOpens.append((ticket, slot))
        return []
    }

    /// The caller's bound passed: a pulsed unlock whose latch never showed released is not
    /// confirmed; an open still queued behind others is dropped unsent, also not confirmed.
    mutating func boundPassed(ticket: UInt64) -> [LockSessionAction] {
        if let index = pendingOpens.firstIndex(where: { $0.ticket == ticket }) {
            pendingOpens.remove(at: index)
            return [.finish(ticket: ticket, .outcome(.notConfirmed))]
        }
        guard let index = confirmations.firstIndex(where: { $0.ticket == ticket }) else { return [] }
        let confirmation = confirmations.remove(at: index)
        if !confirmations.contains(where: { $0.slot.label == confirmation.slot.label }) {
            commanded.remove(confirmation.slot.label)
        }
        return [.finish(ticket: ticket, .outcome(.notConfirmed))]
    }

    /// Ends every confirmation of `label` as confirmed when its door input reads open (released).
    mutating func confirmIfReleased(_ label: String) -> [LockSessionAction] {
        guard statuses[label]?.door == .open else { return [] }
        let done = confirmations.filter { $0.slot.label == label }
        confirmations.removeAll { $0.slot.label == label }
        return done.map { .finish(ticket: $0.ticket, .outcome(.confirmed)) }
    }

    /// Stores a fresh reading of `label` (device online) and returns the events it implies.
    /// From an unknown door or occupancy nothing is reported: that is the baseline.
    mutating func apply(
        _ label: String, lock: LockerSlotStatus.Lock, door: LockerSlotStatus.Door,
        occupancy: LockerSlotStatus.Occupancy?
    ) -> [LockSessionAction] {
        guard let old = statuses[label] else { return [] }
        var new = old
        new.lock = lock
        new.door = door
        if let occupancy { new.occupancy = occupancy }
        statuses[label] = new
        var actions: [LockSessionAction] = []
        switch (old.door, new.door) {
        case (.closed, .open):
            actions.append(.emit(commanded.contains(label) ? .doorOpened(slot: label) : .doorOpenedWithoutCommand(slot: label)))
        case (.open, .closed):
            actions.append(.emit(.doorClosed(slot: label)))
            if !confirmations.contains(where: { $0.slot.label == label }) { commanded.remove(label) }
        default:
            break
        }
        switch (old.occupancy, new.occupancy) {
        case (.absent, .present): actions.append(.emit(.itemInserted(slot: label)))
        case (.present, .absent): actions.append(.emit(.itemRemoved(slot: label)))
        default: break
        }
        return actions + confirmIfReleased(label)
    }
}
