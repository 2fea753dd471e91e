/// The physical state of one emulated lock channel: its latch, its door and its item sensor.
///
/// Invariant kept by the emulator: an open door is never latched (`doorOpen` implies `!latched`).
/// The latch re-engages when a release pulse ends with the door closed, or when the door closes
/// after the pulse has ended.
public struct LockChannelState: Sendable, Equatable {
    /// The latch holds the door shut (the bolt is engaged).
    public var latched: Bool
    /// The door is open.
    public var doorOpen: Bool
    /// Something lies in the slot.
    public var itemPresent: Bool
    /// The door is open because it was forced while latched; cleared when it closes.
    public var forced: Bool

    /// A channel.
    public init(latched: Bool = true, doorOpen: Bool = false, itemPresent: Bool = false, forced: Bool = false) {
        self.latched = latched
        self.doorOpen = doorOpen
        self.itemPresent = itemPresent
        self.forced = forced
    }

    /// A latched, closed, empty channel: what a board reports after power-up.
    public static let idle = LockChannelState()
}
