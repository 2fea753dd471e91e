import DeviceProtocols

/// The I/O-free heart of a lock-board bus emulator: boards × channels of one family, fed with
/// the bytes the host sends and the current emulator time, answering with the bytes real boards
/// would send. It never reads a clock and never sleeps; time moves only through `receive(_:at:)`
/// and `advance(to:)`, given as a duration since the emulator started.
///
/// Channels are 1-based in the control API and in the log (Kerong lock nibble 0 = channel 1).
/// Replies are scheduled transmissions: a fault can delay them, so callers collect what is due
/// after every call and ask `nextWakeUp` when to come back.
public struct LockBoardEmulatorCore: Sendable {
    /// How the bus was built.
    public let configuration: LockBusConfiguration
    /// The emulator time reached so far; never goes backwards.
    public private(set) var now: Duration = .zero
    /// Everything that happened, oldest first.
    public private(set) var log: [EmulatorLogEntry] = []

    var boards: [UInt8: EmulatedBoard] = [:]
    /// Transmissions not yet due, sorted by `sendAt` (insertion order among equal times).
    var pending: [LockBusTransmission] = []
    var faults: [FaultRecord] = []
    var kerongDecoder = KerongFrameDecoder()
    var wklyDecoder = WKLYFrameDecoder()

    /// A bus with idle boards (latched, closed, empty) and the faults of `plan` installed at time 0.
    /// - Throws: `LockControlError.invalidConfiguration` when the configuration cannot be built.
    public init(configuration: LockBusConfiguration, faults plan: FaultPlan = FaultPlan()) throws(LockControlError) {
        try configuration.validate()
        self.configuration = configuration
        for address in configuration.boards {
            boards[address] = EmulatedBoard(address: address, channelCount: configuration.family.channelsPerBoard)
        }
        install(plan)
    }

    /// Board addresses on the bus, ascending.
    public var boardAddresses: [UInt8] { boards.keys.sorted() }

    /// Feeds bytes the host put on the bus at `time` and returns every transmission due by then.
    /// Bytes that form no valid request are dropped (logged as garbage); requests for absent
    /// boards get no answer, as on a real bus.
    public mutating func receive(_ bytes: some Sequence<UInt8>, at time: Duration) -> [LockBusTransmission] {
        step(to: time)
        switch configuration.family {
        case .kerong:
            let discarded = kerongDecoder.discardedBytes
            let frames = kerongDecoder.feed(bytes)
            noteGarbage(kerongDecoder.discardedBytes - discarded)
            for frame in frames {
                handleKerong(frame)
            }
        case .wkly:
            let discarded = wklyDecoder.discardedBytes
            let frames = wklyDecoder.feed(bytes)
            noteGarbage(wklyDecoder.discardedBytes - discarded)
            for frame in frames {
                handleWKLY(frame)
                syncDoorReports()
            }
        }
        return takeDueTransmissions()
    }

    /// Moves emulator time to `time` (ignored if earlier than `now`), ending pulses and firing
    /// timed faults in order, and returns every transmission due by then.
    public mutating func advance(to time: Duration) -> [LockBusTransmission] {
        step(to: time)
        return takeDueTransmissions()
    }

    /// Removes and returns the transmissions due at `now` (e.g. door changes pushed after a
    /// control action), oldest first.
    public mutating func takeDueTransmissions() -> [LockBusTransmission] {
        let dueCount = pending.firstIndex { $0.sendAt > now } ?? pending.count
        let due = Array(pending.prefix(dueCount))
        pending.removeFirst(dueCount)
        return due
    }

    /// The next time something happens without input: a delayed reply, a pulse end or a timed
    /// fault; `nil` when nothing is scheduled.
    public var nextWakeUp: Duration? {
        var times: [Duration] = pending.prefix(1).map(\.sendAt)
        for board in boards.values {
            times.append(contentsOf: board.pulseEnds.compactMap { $0 })
        }
        for record in faults where !record.started {
            if case .at(let time) = record.scheduled.activation { times.append(time) }
        }
        return times.min()
    }

    // MARK: Internals shared by the facets

    /// Processes pulse ends and timed faults up to `target` in time order, then sets `now`.
    mutating func step(to target: Duration) {
        let target = max(target, now)
        while let next = nextInternalEvent(), next <= target {
            now = max(now, next)
            endPulses()
            startTimedFaults()
            syncDoorReports()
        }
        now = target
    }

    private func nextInternalEvent() -> Duration? {
        var times: [Duration] = []
        for board in boards.values {
            times.append(contentsOf: board.pulseEnds.compactMap { $0 })
        }
        for record in faults where !record.started {
            if case .at(let time) = record.scheduled.activation { times.append(time) }
        }
        return times.min()
    }

    /// Queues a transmission, keeping `pending` sorted by time and stable among equal times.
    mutating func schedule(_ bytes: [UInt8], from board: UInt8, after delay: Duration = .zero) {
        guard !bytes.isEmpty else { return }
        let transmission = LockBusTransmission(bytes: bytes, sendAt: now + delay, board: board)
        let index = pending.firstIndex { $0.sendAt > transmission.sendAt } ?? pending.count
        pending.insert(transmission, at: index)
    }

    /// Appends a log entry stamped with `now`.
    mutating func record(_ event: EmulatorLogEntry.Event, board: UInt8? = nil, channel: Int? = nil) {
        log.append(EmulatorLogEntry(at: now, board: board, channel: channel, event: event))
    }

    private mutating func noteGarbage(_ count: Int) {
        if count > 0 { record(.garbageDiscarded(count: count)) }
    }
}
