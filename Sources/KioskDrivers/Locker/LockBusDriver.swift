import KioskHAL
import Synchronization

/// The `LockerBank` of one RS-485 lock bus (one family, many boards). It owns the bus's byte
/// stream while `run()` runs, serialises one transaction at a time, publishes `LockerEvent`s and
/// keeps the status snapshot; the protocol decisions are made by its `LockBusSession`. A kiosk
/// with several buses runs one driver per bus and routes each slot label by the slot map.
public actor LockBusDriver: LockerBank {
    /// The bus id, e.g. `lockbus0`.
    public nonisolated let bus: String
    /// Kerong: item sensors, polled only. WKLY: door pushes, no item sensors.
    public nonisolated let capabilities: LockerCapabilities
    /// Events in hardware order, for one consumer; finished when `run()` returns.
    public nonisolated let events: AsyncStream<LockerEvent>

    let eventSink: AsyncStream<LockerEvent>.Continuation
    let timing: LockBusTiming
    let opener: @Sendable () async throws -> any ByteStream
    /// Time since the driver was created, on its clock.
    let now: @Sendable () -> Duration
    /// Sleeps on the driver's clock.
    let sleep: @Sendable (Duration) async throws -> Void
    var session: LockBusSession
    var waiting: [UInt64: (continuation: CheckedContinuation<LockOpenResolution, Never>, deadline: Duration)] = [:]
    var nextTicket: UInt64 = 0
    var connected = false
    var lastPulseAt: Duration?
    /// Tickets whose callers were cancelled; written from cancellation handlers, drained by the loop.
    nonisolated let cancelledTickets = Mutex<Set<UInt64>>([])

    /// A driver for the enabled slots of `bus` in `map`. `opener` opens the bus's stream; it is
    /// called again after each disconnection. `timing` defaults to the family's defaults;
    /// `invertedFeedback` names boards wired with the opposite hook/door polarity.
    /// - Throws: `LockerSlotMapError.unknownBus` (with an empty label) when `bus` is not in the map.
    public init<C: Clock<Duration>>(
        bus: String, map: LockerSlotMap, timing: LockBusTiming? = nil, invertedFeedback: Set<Int> = [], clock: C,
        opener: @escaping @Sendable () async throws -> any ByteStream
    ) throws(LockerSlotMapError) {
        guard let family = map.buses[bus] else { throw .unknownBus(label: "", bus: bus) }
        let timing = timing ?? .defaults(for: family)
        self.bus = bus
        self.timing = timing
        self.opener = opener
        self.capabilities = family == .kerong
            ? LockerCapabilities(hasItemSensors: true, pushesEvents: false)
            : LockerCapabilities(hasItemSensors: false, pushesEvents: true)
        let slots = map.enabledEntries(onBus: bus).map {
            LockSessionSlot(label: $0.label, board: $0.address.board, channel: $0.address.channel)
        }
        session = LockBusSession(
            bus: bus, family: family, slots: slots, offlineAfter: timing.offlineAfter, invertedFeedback: invertedFeedback)
        let (stream, continuation) = AsyncStream.makeStream(of: LockerEvent.self, bufferingPolicy: .unbounded)
        events = stream
        eventSink = continuation
        let start = clock.now
        now = { start.duration(to: clock.now) }
        sleep = { try await clock.sleep(for: $0) }
    }

    /// Pulses `slot`'s lock once and waits up to `bound` for the latch to show released.
    /// Returns `.unknownSlot` for a label not enabled on this bus and `.boardOffline` when its
    /// board does not answer. Never resends the pulse.
    /// - Throws: `HALError.disconnected` when the bus is not connected or is lost meanwhile;
    ///   `CancellationError` when the caller is cancelled before a confirmation (within one bus
    ///   transaction; a pulse already sent is not undone, and a confirmed open is still returned).
    public func open(slot: String, purpose: LockerOpenPurpose, bound: Duration) async throws -> LockerOpenOutcome {
        try Task.checkCancellation()
        guard session.snapshot[slot] != nil else { return .unknownSlot }
        guard connected else { throw HALError(.disconnected, device: bus, detail: "lock bus not connected") }
        nextTicket += 1
        let ticket = nextTicket
        let deadline = now() + bound
        let resolution = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiting[ticket] = (continuation, deadline)
                _ = perform(session.handle(.open(ticket: ticket, slot: slot)))
            }
        } onCancel: {
            cancelledTickets.withLock { _ = $0.insert(ticket) }
        }
        switch resolution {
        case .outcome(let outcome):
            if outcome != .confirmed { try Task.checkCancellation() }
            return outcome
        case .busLost: throw HALError(.disconnected, device: bus, detail: "lock bus lost while opening \(slot)")
        }
    }

    /// The last known status of `slot`; `nil` when it is not enabled on this bus.
    public func status(of slot: String) -> LockerSlotStatus? { session.snapshot[slot] }

    /// The last known status of every enabled slot on this bus.
    public func snapshot() -> [String: LockerSlotStatus] { session.snapshot }

    /// Carries out events and completions; returns the requests to put on the bus.
    func perform(_ actions: [LockSessionAction]) -> [LockBusRequest] {
        var requests: [LockBusRequest] = []
        for action in actions {
            switch action {
            case .send(let request): requests.append(request)
            case .emit(let event): eventSink.yield(event)
            case .finish(let ticket, let resolution):
                waiting.removeValue(forKey: ticket)?.continuation.resume(returning: resolution)
            }
        }
        return requests
    }

    /// Tells the session about every open whose bound has passed or whose caller was cancelled.
    func expireBounds() {
        let time = now()
        let cancelled = cancelledTickets.withLock { tickets in
            defer { tickets.removeAll() }
            return tickets
        }
        for (ticket, entry) in waiting where entry.deadline <= time || cancelled.contains(ticket) {
            _ = perform(session.handle(.openBoundPassed(ticket: ticket)))
        }
    }
}

/// The time bounds a lock-bus driver works with. All durations must be positive.
public struct LockBusTiming: Sendable, Equatable {
    /// How long a request waits for its reply before it counts as a timeout (Kerong 100 ms, WKLY 200 ms).
    public var commandTimeout: Duration
    /// How often each routine poll goes out when nothing more urgent is pending (default 200 ms).
    public var pollInterval: Duration
    /// The least time between two solenoid pulses on the bus (default 300 ms), so the supply never
    /// drives two coils at once.
    public var pulseSpacing: Duration
    /// The quiet time after each transaction (default 20 ms): bus turnaround, pushes and late duplicates are read then.
    public var transactionGap: Duration
    /// The first wait before reopening a lost stream (default 100 ms); doubles per failure.
    public var reconnectInitial: Duration
    /// The longest wait between reopen attempts (default 5 s).
    public var reconnectMaximum: Duration
    /// Consecutive timeouts after which a board is declared offline (default 3, at least 1).
    public var offlineAfter: Int

    /// Timing with every field given.
    public init(
        commandTimeout: Duration, pollInterval: Duration = .milliseconds(200), pulseSpacing: Duration = .milliseconds(300),
        transactionGap: Duration = .milliseconds(20), reconnectInitial: Duration = .milliseconds(100),
        reconnectMaximum: Duration = .seconds(5), offlineAfter: Int = 3
    ) {
        self.commandTimeout = commandTimeout
        self.pollInterval = pollInterval
        self.pulseSpacing = pulseSpacing
        self.transactionGap = transactionGap
        self.reconnectInitial = reconnectInitial
        self.reconnectMaximum = reconnectMaximum
        self.offlineAfter = offlineAfter
    }

    /// The defaults for a family: command timeout 100 ms for Kerong (19200 baud), 200 ms for WKLY (9600 baud).
    public static func defaults(for family: LockerSlotAddress.Family) -> LockBusTiming {
        switch family {
        case .kerong: LockBusTiming(commandTimeout: .milliseconds(100))
        case .wkly: LockBusTiming(commandTimeout: .milliseconds(200))
        }
    }

    /// The next reconnect wait after `current`: doubled, capped at `reconnectMaximum`.
    func backoff(after current: Duration) -> Duration {
        min(current * 2, reconnectMaximum)
    }
}
