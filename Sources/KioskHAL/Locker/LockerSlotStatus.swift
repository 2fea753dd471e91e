/// What the locker hardware says about one slot.
public struct LockerSlotStatus: Sendable, Equatable {
    /// The latch.
    public enum Lock: String, Sendable, Equatable { case locked, unlocked, unknown }
    /// The door.
    public enum Door: String, Sendable, Equatable { case closed, open, unknown }
    /// Whether something is inside.
    public enum Occupancy: String, Sendable, Equatable {
        case present, absent, unknown
        /// The slot has no item sensor.
        case notSensed
    }

    /// The latch state.
    public var lock: Lock
    /// The door state.
    public var door: Door
    /// The item sensor state.
    public var occupancy: Occupancy
    /// The state of the board the slot hangs on.
    public var device: DeviceStatus

    /// A status snapshot.
    public init(lock: Lock, door: Door, occupancy: Occupancy, device: DeviceStatus) {
        self.lock = lock
        self.door = door
        self.occupancy = occupancy
        self.device = device
    }

    /// Nothing known yet.
    public static let unknown = LockerSlotStatus(lock: .unknown, door: .unknown, occupancy: .unknown, device: .unknown)
}
