import KioskHAL

/// One enabled slot as a bus session sees it: its label and where its lock is wired.
public struct LockSessionSlot: Sendable, Equatable {
    /// The slot label.
    public var label: String
    /// Board address on the bus.
    public var board: Int
    /// Channel on the board, 1-based.
    public var channel: Int

    /// A slot on the session's bus.
    public init(label: String, board: Int, channel: Int) {
        self.label = label
        self.board = board
        self.channel = channel
    }
}

/// Something that happens to a bus session; the driver feeds these in the order they occur.
public enum LockSessionInput: Sendable, Equatable {
    /// The bus is free for the next transaction. `pollDue` allows a routine round-robin poll;
    /// `pulseAllowed` is false while the spacing since the last solenoid pulse has not passed, and
    /// queued unlocks then wait while confirmation reads and polls go on.
    case busFree(pollDue: Bool, pulseAllowed: Bool = true)
    /// Bytes arrived from the bus (replies, pushes, garbage), in any chunking.
    case received([UInt8])
    /// The outstanding request got no matching reply within its command timeout.
    case replyTimedOut
    /// A caller asks to open `slot`; `ticket` identifies the request in the `finish` action.
    case open(ticket: UInt64, slot: String)
    /// The caller's bound for `ticket` has passed.
    case openBoundPassed(ticket: UInt64)
    /// The stream to the bus is gone.
    case linkLost
    /// A new stream to the bus is open.
    case linkRestored
}

/// Why a request goes on the bus.
public enum LockRequestPurpose: Sendable, Equatable {
    /// A routine round-robin status read, or a re-read after a board came back.
    case poll
    /// A status read that decides an unlock confirmation.
    case confirm
    /// A solenoid pulse; the driver spaces these apart.
    case unlock
}

/// One request the session wants written to the bus.
public struct LockBusRequest: Sendable, Equatable {
    /// The board addressed.
    public var board: Int
    /// The command byte (Kerong `30`/`31`, WKLY `82`/`83`/`84`).
    public var command: UInt8
    /// The channel for per-channel commands, 1-based.
    public var channel: Int?
    /// Why it is sent.
    public var purpose: LockRequestPurpose
    /// The encoded frame.
    public var bytes: [UInt8]
    /// Whether a reply is expected (false for a Kerong unlock, which boards never answer).
    public var awaitsReply: Bool

    /// A request.
    public init(board: Int, command: UInt8, channel: Int?, purpose: LockRequestPurpose, bytes: [UInt8], awaitsReply: Bool) {
        self.board = board
        self.command = command
        self.channel = channel
        self.purpose = purpose
        self.bytes = bytes
        self.awaitsReply = awaitsReply
    }
}

/// How an open request ended.
public enum LockOpenResolution: Sendable, Equatable {
    /// A definite outcome.
    case outcome(LockerOpenOutcome)
    /// The stream to the bus went away first; the caller gets `HALError.disconnected`.
    case busLost
}

/// What the session asks its driver to do, in order.
public enum LockSessionAction: Sendable, Equatable {
    /// Write this request (and, when it awaits a reply, wait up to the command timeout for it).
    case send(LockBusRequest)
    /// Publish this event.
    case emit(LockerEvent)
    /// Complete the open request `ticket`.
    case finish(ticket: UInt64, LockOpenResolution)
}
