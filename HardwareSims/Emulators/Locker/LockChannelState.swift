/// The physical state of one emulated lock channel: its latch, its door and its item sensor.
public struct LockChannelState: Sendable, Equatable {
    /// The latch holds the door shut.
    public var latched: Bool
    /// The door is open.
    public var doorOpen: Bool
    /// Something lies in the slot.
    public var itemPresent: Bool

    /// A channel.
    public init(latched: Bool = true, doorOpen: Bool = false, itemPresent: Bool = false) {
        self.latched = latched
        self.doorOpen = doorOpen
        self.itemPresent = itemPresent
    }

    /// A latched, closed, empty channel: what a board reports after power-up.
    public static let idle = LockChannelState()
}
