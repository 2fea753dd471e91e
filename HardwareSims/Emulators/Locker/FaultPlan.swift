/// A script of faults for one emulated bus: each entry says what goes wrong, where and when.
/// Plans are values, decodable from `Scenarios/*.json`; nothing in them sleeps — time moves only
/// when the emulator is told to advance.
public struct FaultPlan: Sendable, Equatable, Codable {
    /// A short name, e.g. `stuck-lock-B-07`.
    public var name: String
    /// What the plan rehearses, for people reading the scenario.
    public var description: String?
    /// The faults, in the order they were written.
    public var faults: [ScheduledFault]

    /// A plan.
    public init(name: String = "unnamed", description: String? = nil, faults: [ScheduledFault] = []) {
        self.name = name
        self.description = description
        self.faults = faults
    }
}

/// One fault of a plan: what goes wrong (`fault`), where (`scope`) and when (`activation`).
public struct ScheduledFault: Sendable, Equatable {
    /// What goes wrong.
    public var fault: LockFault
    /// Which board, and optionally which 1-based channel (`nil` = every channel of the board).
    public var scope: FaultScope
    /// When it takes effect.
    public var activation: FaultActivation

    /// A scheduled fault.
    public init(_ fault: LockFault, scope: FaultScope, activation: FaultActivation = .immediately) {
        self.fault = fault
        self.scope = scope
        self.activation = activation
    }
}

/// Where a fault applies: a board address and optionally one 1-based channel of it.
public struct FaultScope: Sendable, Equatable, Codable {
    /// Board address (Kerong 0–15, WKLY 0–31).
    public var board: UInt8
    /// 1-based channel, or `nil` for every channel of the board.
    public var channel: Int?

    /// A scope.
    public init(board: UInt8, channel: Int? = nil) {
        self.board = board
        self.channel = channel
    }
}

/// When a fault takes effect.
///
/// Conditions (offline, slow reply, corruption, stuck parts, collisions) hold from the activation
/// on; with `forNextCommands(n)` they hold while the next `n` commands addressed to the scoped
/// board are handled, then lapse. Events (power cycle, forced door, door left open) happen once:
/// on installation, at the time, or just before the `n`-th next command to the board is handled.
public enum FaultActivation: Sendable, Equatable {
    /// From the moment the plan is installed.
    case immediately
    /// From this emulator time (a duration since start) on.
    case at(Duration)
    /// For the next `n` commands (n ≥ 1) addressed to the scoped board.
    case forNextCommands(Int)
}

/// How two boards answering one address show up on the bus.
public enum CollisionMode: String, Sendable, Equatable, Codable {
    /// Both drive the line at once: the receiver sees the bitwise AND of the two replies.
    case garbled
    /// They answer one after the other: two complete frames, the impostor's second.
    case twoFrames
}

/// What goes wrong. Names match the `fault` field of scenario JSON files.
public enum LockFault: Sendable, Equatable {
    /// `offline`: the board ignores requests (no action, no answer) and pushes nothing.
    case offline
    /// `slowReply`: replies go out `delay` after the request.
    case slowReply(delay: Duration)
    /// `corruptChecksum`: the last byte of each reply is inverted.
    case corruptChecksum
    /// `truncatedReply`: only the first `keepBytes` bytes of each reply are sent (at most length − 1).
    case truncatedReply(keepBytes: Int)
    /// `strayBytes`: these bytes go out just before each reply.
    case strayBytes([UInt8])
    /// `duplicateReply`: each reply is sent twice.
    case duplicateReply
    /// `stuckLock`: unlock commands do not release the latch.
    case stuckLock
    /// `doorSensorStuck`: the door input always reads open (`true`) or closed (`false`).
    case doorSensorStuck(open: Bool)
    /// `itemSensorStuck`: the item sensor always reads present (`true`) or absent (`false`).
    case itemSensorStuck(present: Bool)
    /// `addressCollision`: an idle impostor board with the same address answers too.
    case addressCollision(CollisionMode)
    /// `powerCycle` (event): the board restarts; pulses are lost, closed doors re-latch.
    case powerCycle
    /// `forcedDoor` (event): someone forces the latched door open.
    case forcedDoor
    /// `doorLeftOpen` (event): the door opens at its next release (now, if already released)
    /// and nobody closes it; only the control API's `closeDoor` does.
    case doorLeftOpen

    /// The name used in scenario files and in the emulator log.
    public var name: String {
        switch self {
        case .offline: "offline"
        case .slowReply: "slowReply"
        case .corruptChecksum: "corruptChecksum"
        case .truncatedReply: "truncatedReply"
        case .strayBytes: "strayBytes"
        case .duplicateReply: "duplicateReply"
        case .stuckLock: "stuckLock"
        case .doorSensorStuck: "doorSensorStuck"
        case .itemSensorStuck: "itemSensorStuck"
        case .addressCollision: "addressCollision"
        case .powerCycle: "powerCycle"
        case .forcedDoor: "forcedDoor"
        case .doorLeftOpen: "doorLeftOpen"
        }
    }

    /// Whether this fault is a one-off event rather than a lasting condition.
    public var isEvent: Bool {
        switch self {
        case .powerCycle, .forcedDoor, .doorLeftOpen: true
        default: false
        }
    }
}
