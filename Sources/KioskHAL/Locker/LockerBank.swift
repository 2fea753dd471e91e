/// Why a slot is being opened; drivers log it and emulators show it.
public enum LockerOpenPurpose: String, Sendable, Equatable {
    /// Staff loading a result.
    case load
    /// A citizen collecting a result.
    case pickup
    /// A citizen handing in a dossier.
    case handIn
    /// Staff collecting or recalling.
    case collect
    /// A technician testing the lock.
    case diagnostics
}

/// The outcome of asking a slot to open.
public enum LockerOpenOutcome: Sendable, Equatable {
    /// The latch released (hook or door input changed) within the bound.
    case confirmed
    /// The board took the command but the latch never released within the bound: a jammed lock.
    case notConfirmed
    /// The board holding the slot does not answer.
    case boardOffline
    /// No such slot in the configured map.
    case unknownSlot
}

/// What a locker bank can sense; fixed for its lifetime.
public struct LockerCapabilities: Sendable, Equatable {
    /// Item sensors exist (occupancy is not `.notSensed`).
    public var hasItemSensors: Bool
    /// The boards push door changes instead of only being polled.
    public var pushesEvents: Bool

    /// Capabilities.
    public init(hasItemSensors: Bool, pushesEvents: Bool) {
        self.hasItemSensors = hasItemSensors
        self.pushesEvents = pushesEvents
    }
}

/// Something that happened at a slot, as the hardware saw it.
public enum LockerEvent: Sendable, Equatable {
    /// A door opened after an open command.
    case doorOpened(slot: String)
    /// A door closed.
    case doorClosed(slot: String)
    /// The item sensor went from absent to present.
    case itemInserted(slot: String)
    /// The item sensor went from present to absent.
    case itemRemoved(slot: String)
    /// A door opened although no open command was pending: forced, or a broken latch.
    case doorOpenedWithoutCommand(slot: String)
    /// A board stopped answering; its slots are offline.
    case boardOffline(board: String, slots: [String])
    /// A board answers again; its slots were re-read.
    case boardOnline(board: String, slots: [String])
    /// Two inputs that should agree do not (latch locked but door open; two boards on one address).
    case sensorDisagreement(slot: String?, detail: String)
}

/// A bank of locker slots, addressed by slot label (`B-07`), never by board or channel.
/// Implementations serialise commands per bus; every method is bounded and honours cancellation.
public protocol LockerBank: Sendable {
    /// What the hardware can sense.
    var capabilities: LockerCapabilities { get }

    /// Events in the order the hardware reported them. One stream per bank, for one consumer.
    var events: AsyncStream<LockerEvent> { get }

    /// Pulses the slot's lock and waits up to `bound` for the latch to release.
    /// Never retries blindly: after a timeout the driver reads status before anything else.
    /// - Throws: `HALError` `.disconnected` when the bus itself is gone; cancellation.
    func open(slot: String, purpose: LockerOpenPurpose, bound: Duration) async throws -> LockerOpenOutcome

    /// The last known status of one slot; `nil` for an unknown label.
    func status(of slot: String) async -> LockerSlotStatus?

    /// The last known status of every slot, by label.
    func snapshot() async -> [String: LockerSlotStatus]
}
