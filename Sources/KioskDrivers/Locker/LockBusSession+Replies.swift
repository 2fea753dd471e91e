import KioskHAL

// Replies: matching them to the outstanding request, diffing readings into events, confirming
// unlocks, boards coming back, and two boards answering one address.
extension LockBusSession {
    /// Matches a decoded reply to the outstanding request. Returns `true` when it is the reply;
    /// otherwise classifies it as a duplicate, a second board's answer (reported once) or stale.
    mutating func match(
        board: Int, command: UInt8, channel: Int?, frame: ReplyFrame, actions: inout [LockSessionAction]
    ) -> Bool {
        if let request = outstanding, request.board == board, request.command == command,
            channel == nil || request.channel == channel
        {
            outstanding = nil
            answered = Answered(board: board, command: command, channel: channel, frame: frame)
            return true
        }
        staleFrames += 1
        if let last = answered, last.board == board, last.command == command, last.channel == channel,
            last.frame != frame, health[board]?.collisionReported == false
        {
            health[board]?.collisionReported = true
            actions.append(collisionEvent(board))
        }
        return false
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
        if new.door == .closed, settling.remove(label) != nil { commanded.remove(label) }
        switch (old.occupancy, new.occupancy) {
        case (.absent, .present): actions.append(.emit(.itemInserted(slot: label)))
        case (.present, .absent): actions.append(.emit(.itemRemoved(slot: label)))
        default: break
        }
        return actions + confirmIfReleased(label)
    }

    /// Feeds bytes to the family decoder and handles every frame completed.
    mutating func receive(_ bytes: [UInt8]) -> [LockSessionAction] {
        switch family {
        case .kerong: receiveKerong(bytes)
        case .wkly: receiveWKLY(bytes)
        }
    }

    /// A reply from `board` matched its request. A board coming back is announced and re-read
    /// (unless this reply already is the full read).
    mutating func markGood(_ board: Int, fullRead: Bool) -> [LockSessionAction] {
        guard var boardHealth = health[board] else { return [] }
        let wasOffline = boardHealth.state == .offline
        boardHealth.state = .online
        boardHealth.timeouts = 0
        boardHealth.garbled = 0
        health[board] = boardHealth
        let labels = labelsByBoard[board] ?? []
        for label in labels { statuses[label]?.device = .online }
        guard wasOffline else { return [] }
        if !fullRead && !rereads.contains(board) { rereads.append(board) }
        return [.emit(.boardOnline(board: boardName(board), slots: labels))]
    }

    /// Checksum failures seen while `board` was addressed: after `collisionAfter` in a row, while
    /// another board answers cleanly, two boards must share the address.
    mutating func noteGarbled(_ board: Int) -> [LockSessionAction] {
        guard var boardHealth = health[board] else { return [] }
        boardHealth.garbled += 1
        health[board] = boardHealth
        let othersFine = health.contains { $0.key != board && $0.value.state == .online }
        guard boardHealth.garbled >= collisionAfter, othersFine, !boardHealth.collisionReported else { return [] }
        health[board]?.collisionReported = true
        return [collisionEvent(board)]
    }

    /// The event for two boards answering one address.
    func collisionEvent(_ board: Int) -> LockSessionAction {
        .emit(.sensorDisagreement(slot: nil, detail: "two boards answer address \(board)"))
    }
}
