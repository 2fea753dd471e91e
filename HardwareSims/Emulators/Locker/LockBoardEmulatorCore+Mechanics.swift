import DeviceProtocols

// The physics of latches, doors and sensors, shared by both protocol facets and the control API.
// Indexes here are 0-based; the log and the control API speak 1-based channels.
extension LockBoardEmulatorCore {
    /// Releases one latch for the configured pulse, unless a stuck-lock fault holds it.
    /// Returns whether the latch released.
    @discardableResult
    mutating func release(board address: UInt8, index: Int) -> Bool {
        guard let board = boards[address], board.channels.indices.contains(index) else { return false }
        let channel = index + 1
        if condition(board: address, channel: channel, matching: { $0 == .stuckLock ? true : nil }) != nil {
            record(.unlockBlockedByStuckLock, board: address, channel: channel)
            record(.faultApplied(LockFault.stuckLock.name), board: address, channel: channel)
            return false
        }
        if board.channels[index].latched {
            record(.unlatched, board: address, channel: channel)
        }
        boards[address]?.channels[index].latched = false
        boards[address]?.pulseEnds[index] = now + configuration.pulse
        let leftOpen = board.leaveOpenOnRelease.contains(index)
        if (configuration.doorPopsOpenOnRelease || leftOpen) && !board.channels[index].doorOpen {
            boards[address]?.channels[index].doorOpen = true
            record(.doorOpened, board: address, channel: channel)
        }
        if leftOpen {
            boards[address]?.leaveOpenOnRelease.remove(index)
            record(.faultApplied(LockFault.doorLeftOpen.name), board: address, channel: channel)
        }
        return true
    }

    /// Ends every pulse due by `now`; a latch re-engages only if its door is closed, otherwise
    /// it re-engages when the door closes.
    mutating func endPulses() {
        for address in boards.keys.sorted() {
            guard let board = boards[address] else { continue }
            for index in board.pulseEnds.indices {
                guard let end = board.pulseEnds[index], end <= now else { continue }
                boards[address]?.pulseEnds[index] = nil
                if !board.channels[index].doorOpen {
                    boards[address]?.channels[index].latched = true
                    record(.relatched, board: address, channel: index + 1)
                }
            }
        }
    }

    /// Closes a door; the latch re-engages at once unless a pulse is still running.
    mutating func shutDoor(board address: UInt8, index: Int) {
        guard let board = boards[address], board.channels.indices.contains(index) else { return }
        boards[address]?.channels[index].doorOpen = false
        boards[address]?.channels[index].forced = false
        record(.doorClosed, board: address, channel: index + 1)
        if board.pulseEnds[index] == nil && !board.channels[index].latched {
            boards[address]?.channels[index].latched = true
            record(.relatched, board: address, channel: index + 1)
        }
    }

    /// Opens a door regardless of its latch, marking it forced when it was latched.
    mutating func breakOpen(board address: UInt8, index: Int) {
        guard let board = boards[address], board.channels.indices.contains(index),
              !board.channels[index].doorOpen else { return }
        let wasLatched = board.channels[index].latched
        boards[address]?.channels[index].latched = false
        boards[address]?.channels[index].doorOpen = true
        boards[address]?.channels[index].forced = wasLatched
        record(wasLatched ? .doorForced : .doorOpened, board: address, channel: index + 1)
    }

    /// Restarts a board: pulses and queued replies are lost, closed doors re-latch, open doors
    /// stay open (and re-latch when closed); the door inputs are re-read without pushing.
    mutating func restart(board address: UInt8) {
        guard let board = boards[address] else { return }
        for index in board.channels.indices {
            boards[address]?.pulseEnds[index] = nil
            if !board.channels[index].doorOpen && !board.channels[index].latched {
                boards[address]?.channels[index].latched = true
                record(.relatched, board: address, channel: index + 1)
            }
        }
        pending.removeAll { $0.board == address }
        let inputs = reading(of: address)?.doorOpen ?? board.reportedDoorOpen
        boards[address]?.reportedDoorOpen = inputs
        record(.powerCycled, board: address)
    }

    /// What the board's inputs read now, with stuck-sensor faults applied.
    func reading(of address: UInt8) -> EmulatedBoard.Reading? {
        guard let board = boards[address] else { return nil }
        var reading = EmulatedBoard.Reading.idle(address: address, channelCount: board.channels.count)
        for (index, channel) in board.channels.enumerated() {
            reading.latched[index] = channel.latched
            reading.doorOpen[index] = condition(board: address, channel: index + 1) {
                if case .doorSensorStuck(let open) = $0 { open } else { nil }
            } ?? channel.doorOpen
            reading.itemPresent[index] = condition(board: address, channel: index + 1) {
                if case .itemSensorStuck(let present) = $0 { present } else { nil }
            } ?? channel.itemPresent
        }
        return reading
    }

    /// Whether the board may put bytes on the bus: online and not under an `offline` fault.
    func isTalking(_ address: UInt8) -> Bool {
        guard let board = boards[address], board.online else { return false }
        return condition(board: address, channel: nil) { $0 == .offline ? true : nil } == nil
    }

    /// Marks one WKLY door input as reported (its state travels in a reply, not in an `85`).
    mutating func markReported(board address: UInt8, index: Int) {
        guard let reading = reading(of: address), reading.doorOpen.indices.contains(index) else { return }
        boards[address]?.reportedDoorOpen[index] = reading.doorOpen[index]
    }

    /// WKLY only: pushes an `85` for every door input that changed since last reported. A board
    /// that is not talking loses the change (it is not pushed later).
    mutating func syncDoorReports() {
        guard case .wkly = configuration.family else { return }
        for address in boards.keys.sorted() {
            guard let board = boards[address], let reading = reading(of: address) else { continue }
            for index in reading.doorOpen.indices where reading.doorOpen[index] != board.reportedDoorOpen[index] {
                let open = reading.doorOpen[index]
                boards[address]?.reportedDoorOpen[index] = open
                guard isTalking(address) else { continue }
                let message = WKLYMessage.doorChanged(address: address, channel: UInt8(index + 1), door: open ? .open : .closed)
                if let bytes = try? message.frame.encoded() {
                    schedule(bytes, from: address)
                    record(.doorChangePushed(open: open), board: address, channel: index + 1)
                }
            }
        }
    }
}
