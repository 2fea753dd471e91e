/// Why the emulator refused a control action or a configuration: the action is physically
/// impossible in the current state, or names something the bus does not have.
public enum LockControlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No board with this address is on the bus.
    case noSuchBoard(UInt8)
    /// The board has no such channel (channels are 1-based).
    case noSuchChannel(board: UInt8, channel: Int)
    /// The door is latched; only `forceDoor` can open it.
    case doorLatched(board: UInt8, channel: Int)
    /// The door is already open.
    case doorAlreadyOpen(board: UInt8, channel: Int)
    /// The door is already closed.
    case doorAlreadyClosed(board: UInt8, channel: Int)
    /// Items go in or out only through an open door.
    case doorClosed(board: UInt8, channel: Int)
    /// The slot already holds an item.
    case slotOccupied(board: UInt8, channel: Int)
    /// The slot holds nothing to take.
    case slotEmpty(board: UInt8, channel: Int)
    /// The bus configuration cannot be built (the detail says why).
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .noSuchBoard(let board): "no board \(board) on this bus"
        case .noSuchChannel(let board, let channel): "board \(board) has no channel \(channel)"
        case .doorLatched(let board, let channel): "board \(board) channel \(channel): door is latched; use forceDoor"
        case .doorAlreadyOpen(let board, let channel): "board \(board) channel \(channel): door is already open"
        case .doorAlreadyClosed(let board, let channel): "board \(board) channel \(channel): door is already closed"
        case .doorClosed(let board, let channel): "board \(board) channel \(channel): door is closed"
        case .slotOccupied(let board, let channel): "board \(board) channel \(channel): slot already holds an item"
        case .slotEmpty(let board, let channel): "board \(board) channel \(channel): slot is empty"
        case .invalidConfiguration(let detail): "invalid bus configuration: \(detail)"
        }
    }
}
