/// Why a locker slot map was refused. Each case names the offending label so a technician can fix
/// the configuration line at once.
public enum LockerSlotMapError: Error, Equatable, Sendable {
    /// A label that is empty or longer than `LockerSlotMap.maximumLabelLength` characters.
    case invalidLabel(String)
    /// The same label appears twice.
    case duplicateLabel(String)
    /// Two labels point at the same (bus, board, channel).
    case sharedAddress(first: String, second: String, bus: String, board: Int, channel: Int)
    /// The label's bus is not among the configured buses.
    case unknownBus(label: String, bus: String)
    /// The label's family differs from the family configured for its bus.
    case familyMismatch(label: String, bus: String, busFamily: LockerSlotAddress.Family, slotFamily: LockerSlotAddress.Family)
    /// The board address is outside 0…`maximum` for the family.
    case boardOutOfRange(label: String, board: Int, maximum: Int)
    /// The channel is outside 1…`maximum` for the family.
    case channelOutOfRange(label: String, channel: Int, maximum: Int)
}
