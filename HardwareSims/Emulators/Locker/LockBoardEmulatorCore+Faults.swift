// Fault plans at work: which conditions hold, when events fire, and how replies get mangled.

/// One installed fault and its progress.
struct FaultRecord: Sendable {
    /// The fault as scripted.
    var scheduled: ScheduledFault
    /// Commands left for `forNextCommands` activations.
    var remainingCommands: Int
    /// The activation time has been reached (timed faults) or the fault was installed.
    var started: Bool
}

extension LockBoardEmulatorCore {
    /// Adds the faults of `plan`; `immediately` events fire now, timed ones when time reaches them.
    public mutating func install(_ plan: FaultPlan) {
        for fault in plan.faults {
            var record = FaultRecord(scheduled: fault, remainingCommands: 0, started: false)
            switch fault.activation {
            case .immediately: record.started = true
            case .at: record.started = false
            case .forNextCommands(let count):
                record.started = true
                record.remainingCommands = max(count, 1)
            }
            faults.append(record)
            if case .immediately = fault.activation, fault.fault.isEvent {
                fire(fault)
            }
        }
        startTimedFaults()
        syncDoorReports()
    }

    /// Removes every installed fault (stuck parts work again, replies are clean).
    public mutating func clearFaults() {
        faults.removeAll()
        syncDoorReports()
    }

    /// The first active condition for this board (and channel, if given) that `match` accepts.
    func condition<T>(board: UInt8, channel: Int?, matching match: (LockFault) -> T?) -> T? {
        for record in faults where record.scheduled.scope.board == board && !record.scheduled.fault.isEvent {
            if let channel, let scoped = record.scheduled.scope.channel, scoped != channel { continue }
            let active: Bool
            switch record.scheduled.activation {
            case .immediately: active = true
            case .at(let time): active = now >= time
            case .forNextCommands: active = record.remainingCommands > 0
            }
            if active, let value = match(record.scheduled.fault) { return value }
        }
        return nil
    }

    /// Marks timed faults whose time has come as started and fires the events among them.
    mutating func startTimedFaults() {
        for index in faults.indices where !faults[index].started {
            guard case .at(let time) = faults[index].scheduled.activation, time <= now else { continue }
            faults[index].started = true
            if faults[index].scheduled.fault.isEvent { fire(faults[index].scheduled) }
        }
    }

    /// Called when a command for `board` arrives: counts down command-bound events and fires
    /// those that reach their command.
    mutating func beginCommand(board: UInt8) {
        for index in faults.indices where faults[index].scheduled.scope.board == board {
            guard case .forNextCommands = faults[index].scheduled.activation,
                  faults[index].scheduled.fault.isEvent, faults[index].remainingCommands > 0 else { continue }
            faults[index].remainingCommands -= 1
            if faults[index].remainingCommands == 0 { fire(faults[index].scheduled) }
        }
    }

    /// Called when a command for `board` has been handled: command-bound conditions lapse after
    /// their last command.
    mutating func endCommand(board: UInt8) {
        for index in faults.indices where faults[index].scheduled.scope.board == board {
            guard case .forNextCommands = faults[index].scheduled.activation,
                  !faults[index].scheduled.fault.isEvent, faults[index].remainingCommands > 0 else { continue }
            faults[index].remainingCommands -= 1
        }
    }

    /// Performs a one-off event fault on its scope.
    private mutating func fire(_ fault: ScheduledFault) {
        let address = fault.scope.board
        guard let board = boards[address] else { return }
        let indexes = fault.scope.channel.map { [$0 - 1] } ?? Array(board.channels.indices)
        record(.faultApplied(fault.fault.name), board: address, channel: fault.scope.channel)
        switch fault.fault {
        case .powerCycle:
            restart(board: address)
        case .forcedDoor:
            for index in indexes where board.channels.indices.contains(index) {
                breakOpen(board: address, index: index)
            }
        case .doorLeftOpen:
            for index in indexes where board.channels.indices.contains(index) {
                if board.channels[index].latched {
                    boards[address]?.leaveOpenOnRelease.insert(index)
                } else if !board.channels[index].doorOpen {
                    boards[address]?.channels[index].doorOpen = true
                    record(.doorOpened, board: address, channel: index + 1)
                }
            }
        default:
            break
        }
    }

    /// Sends a board's reply built from its current reading, mangled by whatever reply faults hold.
    /// `build` gets the board's reading (or an idle impostor's, for collisions).
    mutating func sendReply(from address: UInt8, command: UInt8, build: (EmulatedBoard.Reading) -> [UInt8]?) {
        guard let board = boards[address], let reading = reading(of: address) else { return }
        guard isTalking(address) else {
            record(.silentWhileOffline, board: address)
            return
        }
        guard var frame = build(reading), !frame.isEmpty else { return }
        func holds<T>(_ match: (LockFault) -> T?) -> T? { condition(board: address, channel: nil, matching: match) }
        if holds({ $0 == .corruptChecksum ? true : nil }) != nil {
            frame[frame.count - 1] ^= 0xFF
            record(.faultApplied(LockFault.corruptChecksum.name), board: address)
        }
        if let keep = holds({ if case .truncatedReply(let keep) = $0 { keep } else { nil } }) {
            frame = Array(frame.prefix(min(keep, frame.count - 1)))
            record(.faultApplied("truncatedReply"), board: address)
        }
        var frames = [frame]
        if let mode = holds({ if case .addressCollision(let mode) = $0 { mode } else { nil } }),
           let impostor = build(.idle(address: address, channelCount: board.channels.count)) {
            switch mode {
            case .twoFrames: frames.append(impostor)
            case .garbled: frames = [Self.wiredAnd(frame, impostor)]
            }
            record(.faultApplied("addressCollision"), board: address)
        }
        if holds({ $0 == .duplicateReply ? true : nil }) != nil {
            frames.append(frames[0])
            record(.faultApplied(LockFault.duplicateReply.name), board: address)
        }
        if let stray = holds({ if case .strayBytes(let bytes) = $0 { bytes } else { nil } }) {
            frames[0] = stray + frames[0]
            record(.faultApplied("strayBytes"), board: address)
        }
        let delay = holds({ if case .slowReply(let delay) = $0 { delay } else { nil } }) ?? .zero
        if delay > .zero { record(.faultApplied("slowReply"), board: address) }
        for bytes in frames {
            schedule(bytes, from: address, after: delay)
        }
        record(.replyScheduled(command: command, delay: delay), board: address)
    }

    /// Two transmitters driving the line at once: a 0 bit wins, the idle line reads 1 (`FF`).
    static func wiredAnd(_ first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        (0..<max(first.count, second.count)).map { index in
            (index < first.count ? first[index] : 0xFF) & (index < second.count ? second[index] : 0xFF)
        }
    }
}
