import KioskHAL

// Board health: timeouts, offline and online transitions, link loss, and two boards on one address.
extension LockBusSession {
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
}
