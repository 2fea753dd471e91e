/// One frame of the Kerong KR-CU16 "short frame" protocol (RS-485, 19200 8N1):
/// `02 ADDR CMD [DATA…] 03 SUM`, `ADDR = board << 4 | lock`, `SUM` = low byte of the sum of every
/// preceding byte. Requests are 5 bytes; the status reply is 9 bytes.
public enum KerongFrame: Equatable, Sendable {
    /// `30`: read one board's hooks and item sensors.
    case readStatus(board: UInt8)
    /// `31`: pulse one lock; `lock` is 0-based (0 = lock 1).
    case unlock(board: UInt8, lock: UInt8)
    /// `33`: pulse every lock of a board.
    case unlockAll(board: UInt8)
    /// `32` with ADDR `F0`: every board answers with its status in turn.
    case readAllBoards
    /// `35` reply: hook switches (bit n = lock n+1, 1 = locked/closed) and infrared item sensors
    /// (bit n = lock n+1, 1 = item present).
    case status(board: UInt8, hooks: UInt16, sensors: UInt16)

    static let start: UInt8 = 0x02
    static let end: UInt8 = 0x03
    /// The highest board address the DIP switches allow.
    public static let maximumBoard: UInt8 = 0x0F
    /// Locks per board.
    public static let locksPerBoard = 16

    /// The command byte of this frame.
    public var command: UInt8 {
        switch self {
        case .readStatus: 0x30
        case .unlock: 0x31
        case .readAllBoards: 0x32
        case .unlockAll: 0x33
        case .status: 0x35
        }
    }

    /// The frame's bytes, checksum included.
    /// - Throws: `LockFrameError.fieldOutOfRange` for a board above 15 or a lock above 15.
    public func encoded() throws(LockFrameError) -> [UInt8] {
        let address: UInt8
        var data: [UInt8] = []
        switch self {
        case .readStatus(let board), .unlockAll(let board):
            address = try Self.address(board: board, lock: 0)
        case .unlock(let board, let lock):
            address = try Self.address(board: board, lock: lock)
        case .readAllBoards:
            address = 0xF0
        case .status(let board, let hooks, let sensors):
            address = try Self.address(board: board, lock: 0)
            data = [UInt8(hooks & 0xFF), UInt8(hooks >> 8), UInt8(sensors & 0xFF), UInt8(sensors >> 8)]
        }
        var bytes = [Self.start, address, command] + data + [Self.end]
        bytes.append(Self.checksum(bytes[...]))
        return bytes
    }

    /// Low byte of the arithmetic sum of `bytes`.
    public static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        UInt8(truncatingIfNeeded: bytes.reduce(0) { $0 &+ Int($1) })
    }

    /// The frame length announced by a command byte, or `nil` for an unknown command.
    static func length(ofCommand command: UInt8) -> Int? {
        switch command {
        case 0x30, 0x31, 0x32, 0x33: 5
        case 0x35: 9
        default: nil
        }
    }

    /// Interprets a complete frame whose start, end and checksum were already checked.
    static func decodeChecked(_ bytes: ArraySlice<UInt8>) -> KerongFrame? {
        let base = bytes.startIndex
        let address = bytes[base + 1]
        let board = address >> 4
        let lock = address & 0x0F
        switch bytes[base + 2] {
        case 0x30: return lock == 0 ? .readStatus(board: board) : nil
        case 0x31: return .unlock(board: board, lock: lock)
        case 0x32: return address == 0xF0 ? .readAllBoards : nil
        case 0x33: return lock == 0 ? .unlockAll(board: board) : nil
        case 0x35:
            let hooks = UInt16(bytes[base + 3]) | UInt16(bytes[base + 4]) << 8
            let sensors = UInt16(bytes[base + 5]) | UInt16(bytes[base + 6]) << 8
            return .status(board: board, hooks: hooks, sensors: sensors)
        default: return nil
        }
    }

    private static func address(board: UInt8, lock: UInt8) throws(LockFrameError) -> UInt8 {
        guard board <= maximumBoard else { throw .fieldOutOfRange(field: "board", value: Int(board)) }
        guard lock < locksPerBoard else { throw .fieldOutOfRange(field: "lock", value: Int(lock)) }
        return board << 4 | lock
    }
}
