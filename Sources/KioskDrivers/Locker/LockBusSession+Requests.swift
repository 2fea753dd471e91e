import KioskHAL

// Requests and their failures: opens and their bounds, the frames they lead to, timeouts (never
// a resend), boards going offline, and the link going and coming back.
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
    /// The slot stays commanded until a reading shows its door closed, so a latch that lets go
    /// just after the bound is not mistaken for a forced door.
    mutating func boundPassed(ticket: UInt64) -> [LockSessionAction] {
        if let index = pendingOpens.firstIndex(where: { $0.ticket == ticket }) {
            pendingOpens.remove(at: index)
            return [.finish(ticket: ticket, .outcome(.notConfirmed))]
        }
        guard let index = confirmations.firstIndex(where: { $0.ticket == ticket }) else { return [] }
        let confirmation = confirmations.remove(at: index)
        if !confirmations.contains(where: { $0.slot.label == confirmation.slot.label }) {
            settling.insert(confirmation.slot.label)
        }
        return [.finish(ticket: ticket, .outcome(.notConfirmed))]
    }

    /// The outstanding request got no reply: count it against the board and never resend.
    /// A timed-out WKLY `82` turns into confirmation reads of the door, not a second pulse.
    mutating func timeout() -> [LockSessionAction] {
        guard let request = outstanding else { return [] }
        outstanding = nil
        answered = nil
        if request.purpose == .unlock {
            for index in confirmations.indices where confirmations[index].slot.board == request.board
                && confirmations[index].slot.channel == request.channel
            {
                confirmations[index].awaitingAck = false
            }
        }
        guard var boardHealth = health[request.board] else { return [] }
        boardHealth.timeouts += 1
        health[request.board] = boardHealth
        guard boardHealth.timeouts >= offlineAfter, boardHealth.state != .offline else { return [] }
        return markOffline(request.board)
    }

    /// Declares `board` offline: its slots' device status, one event, and its opens end `.boardOffline`.
    mutating func markOffline(_ board: Int) -> [LockSessionAction] {
        health[board]?.state = .offline
        let labels = labelsByBoard[board] ?? []
        for label in labels { statuses[label]?.device = .offline }
        var actions: [LockSessionAction] = [.emit(.boardOffline(board: boardName(board), slots: labels))]
        for confirmation in confirmations where confirmation.slot.board == board {
            actions.append(.finish(ticket: confirmation.ticket, .outcome(.boardOffline)))
            commanded.remove(confirmation.slot.label)
        }
        confirmations.removeAll { $0.slot.board == board }
        for pending in pendingOpens where pending.slot.board == board {
            actions.append(.finish(ticket: pending.ticket, .outcome(.boardOffline)))
        }
        pendingOpens.removeAll { $0.slot.board == board }
        return actions
    }

    /// The stream is gone: every board offline, every open ends with the bus lost.
    mutating func loseLink() -> [LockSessionAction] {
        linkUp = false
        outstanding = nil
        answered = nil
        kerongDecoder.reset()
        wklyDecoder.reset()
        rereads.removeAll()
        var actions: [LockSessionAction] = []
        for confirmation in confirmations { actions.append(.finish(ticket: confirmation.ticket, .busLost)) }
        for pending in pendingOpens { actions.append(.finish(ticket: pending.ticket, .busLost)) }
        confirmations.removeAll()
        pendingOpens.removeAll()
        commanded.removeAll()
        settling.removeAll()
        for board in boards where health[board]?.state != .offline {
            actions += markOffline(board)
        }
        return actions
    }

    /// A new stream: re-read every board; each is announced online by its first good reply.
    mutating func restoreLink() -> [LockSessionAction] {
        linkUp = true
        outstanding = nil
        answered = nil
        kerongDecoder.reset()
        wklyDecoder.reset()
        for board in boards { health[board]?.timeouts = 0 }
        rereads = boards
        return []
    }

    /// A full status read of `board`: Kerong `30`, WKLY `84`.
    func fullRead(board: Int, purpose: LockRequestPurpose) -> LockBusRequest {
        switch family {
        case .kerong: kerongStatusRequest(board: board, purpose: purpose)
        case .wkly: wklyQueryAll(board: board, purpose: purpose)
        }
    }

    /// The read that decides a confirmation: Kerong `30` of the board, WKLY `83` of the channel.
    func confirmationRead(for slot: LockSessionSlot) -> LockBusRequest {
        switch family {
        case .kerong: kerongStatusRequest(board: slot.board, purpose: .confirm)
        case .wkly: wklyQueryDoor(slot: slot)
        }
    }

    /// The pulse for `slot`, recorded as a confirmation in progress.
    mutating func startUnlock(ticket: UInt64, slot: LockSessionSlot) -> LockBusRequest {
        commanded.insert(slot.label)
        settling.remove(slot.label)
        let request: LockBusRequest
        switch family {
        case .kerong: request = kerongUnlock(slot: slot)
        case .wkly: request = wklyOpen(slot: slot)
        }
        confirmations.append(Confirmation(ticket: ticket, slot: slot, awaitingAck: request.awaitsReply))
        return issue(request)
    }
}
