/// One thing that happened inside the emulator, for tests and for the technician panel.
public struct EmulatorLogEntry: Sendable, Equatable {
    /// When, as a duration since the emulator started.
    public var at: Duration
    /// The board concerned, if any.
    public var board: UInt8?
    /// The 1-based channel concerned, if any.
    public var channel: Int?
    /// What happened.
    public var event: Event

    /// A log entry.
    public init(at: Duration, board: UInt8?, channel: Int?, event: Event) {
        self.at = at
        self.board = board
        self.channel = channel
        self.event = event
    }

    /// What happened: a request, a physical change, a reply or a fault.
    public enum Event: Sendable, Equatable {
        /// A well-formed request for this board arrived (command byte).
        case request(command: UInt8)
        /// Bytes that formed no valid request were dropped (count).
        case garbageDiscarded(count: Int)
        /// The latch released for a pulse.
        case unlatched
        /// The latch re-engaged.
        case relatched
        /// An unlock was ignored because the lock is stuck.
        case unlockBlockedByStuckLock
        /// The door opened (by a person, by its spring or by a fault).
        case doorOpened
        /// The door opened by force while latched.
        case doorForced
        /// The door closed.
        case doorClosed
        /// An item was put in the slot.
        case itemPut
        /// The item was taken out of the slot.
        case itemTaken
        /// A reply (or unsolicited frame) was scheduled: command byte and delay.
        case replyScheduled(command: UInt8, delay: Duration)
        /// The board stayed silent because it is offline.
        case silentWhileOffline
        /// A WKLY board pushed a door change (`85`).
        case doorChangePushed(open: Bool)
        /// The board lost power and restarted.
        case powerCycled
        /// The board went online or offline through the control API.
        case onlineChanged(Bool)
        /// A scripted fault took effect (its kind, as named in fault plans).
        case faultApplied(String)
    }
}
