/// One frame of the "WKLY" lock-board protocol (RS-485, 9600 8N1):
/// `57 4B 4C 59 LEN ADDR CMD DATA… XOR`, LEN = the whole frame's length, XOR = exclusive-or of
/// every preceding byte. Addresses 0–31, channels 1-based. Replies reuse the command; their first
/// data byte is a status (`00` ok, `FF` failure). The board also pushes `85` door changes.
public struct WKLYFrame: Equatable, Sendable {
    /// Board address, 0–31.
    public var address: UInt8
    /// Command byte (`82` open, `83` query one, `84` query all, `85` door changed, `86` open all).
    public var command: UInt8
    /// Data bytes, at most `maximumDataLength`.
    public var data: [UInt8]

    static let header: [UInt8] = [0x57, 0x4B, 0x4C, 0x59]
    /// Header, LEN, ADDR, CMD and XOR.
    static let overhead = 8
    /// The longest data a frame carries (a query-all reply for 64 channels plus status).
    public static let maximumDataLength = 72
    /// The highest board address.
    public static let maximumAddress: UInt8 = 31

    /// A frame.
    public init(address: UInt8, command: UInt8, data: [UInt8] = []) {
        self.address = address
        self.command = command
        self.data = data
    }

    /// The frame's bytes, checksum included.
    /// - Throws: `LockFrameError` for an address above 31 or too much data.
    public func encoded() throws(LockFrameError) -> [UInt8] {
        guard address <= Self.maximumAddress else { throw .fieldOutOfRange(field: "address", value: Int(address)) }
        guard data.count <= Self.maximumDataLength else { throw .tooLong(length: data.count) }
        var bytes = Self.header
        bytes.append(UInt8(Self.overhead + data.count))
        bytes.append(address)
        bytes.append(command)
        bytes.append(contentsOf: data)
        bytes.append(Self.xor(bytes[...]))
        return bytes
    }

    /// Exclusive-or of `bytes`.
    public static func xor(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        bytes.reduce(0, ^)
    }
}

/// The meaning of WKLY frames, both directions.
public enum WKLYMessage: Equatable, Sendable {
    /// A door's state as the board reports it.
    public enum DoorState: UInt8, Sendable, Equatable {
        /// `00`.
        case open = 0x00
        /// `01`.
        case closed = 0x01
        /// `FF`: the sensor cannot tell.
        case error = 0xFF
    }

    /// `82` request: pulse one lock.
    case openLock(address: UInt8, channel: UInt8)
    /// `82` reply: status ok/failure, channel, door state after the pulse.
    case openLockReply(address: UInt8, ok: Bool, channel: UInt8, door: DoorState)
    /// `83` request: one door's state.
    case queryDoor(address: UInt8, channel: UInt8)
    /// `83` reply.
    case queryDoorReply(address: UInt8, ok: Bool, channel: UInt8, door: DoorState)
    /// `84` request: every door of the board.
    case queryAllDoors(address: UInt8)
    /// `84` reply: one state per channel, channel 1 first.
    case queryAllDoorsReply(address: UInt8, ok: Bool, doors: [DoorState])
    /// `85` pushed by the board: a door changed.
    case doorChanged(address: UInt8, channel: UInt8, door: DoorState)
    /// `86` request: pulse every lock.
    case openAll(address: UInt8)
    /// `86` reply.
    case openAllReply(address: UInt8, ok: Bool)

    /// The frame carrying this message.
    public var frame: WKLYFrame {
        switch self {
        case .openLock(let address, let channel): WKLYFrame(address: address, command: 0x82, data: [channel])
        case .openLockReply(let address, let ok, let channel, let door):
            WKLYFrame(address: address, command: 0x82, data: [ok ? 0x00 : 0xFF, channel, door.rawValue])
        case .queryDoor(let address, let channel): WKLYFrame(address: address, command: 0x83, data: [channel])
        case .queryDoorReply(let address, let ok, let channel, let door):
            WKLYFrame(address: address, command: 0x83, data: [ok ? 0x00 : 0xFF, channel, door.rawValue])
        case .queryAllDoors(let address): WKLYFrame(address: address, command: 0x84)
        case .queryAllDoorsReply(let address, let ok, let doors):
            WKLYFrame(address: address, command: 0x84, data: [ok ? 0x00 : 0xFF] + doors.map(\.rawValue))
        case .doorChanged(let address, let channel, let door):
            WKLYFrame(address: address, command: 0x85, data: [channel, door.rawValue])
        case .openAll(let address): WKLYFrame(address: address, command: 0x86)
        case .openAllReply(let address, let ok): WKLYFrame(address: address, command: 0x86, data: [ok ? 0x00 : 0xFF])
        }
    }

    /// Interprets `frame` as sent by the host (`fromBoard == false`) or by a board; `nil` when
    /// the command or data do not form a known message.
    public init?(frame: WKLYFrame, fromBoard: Bool) {
        let address = frame.address
        let data = frame.data
        func status(_ byte: UInt8) -> Bool? { byte == 0x00 ? true : byte == 0xFF ? false : nil }
        switch (frame.command, fromBoard, data.count) {
        case (0x82, false, 1) where data[0] >= 1: self = .openLock(address: address, channel: data[0])
        case (0x83, false, 1) where data[0] >= 1: self = .queryDoor(address: address, channel: data[0])
        case (0x84, false, 0): self = .queryAllDoors(address: address)
        case (0x86, false, 0): self = .openAll(address: address)
        case (0x82, true, 3), (0x83, true, 3):
            guard let ok = status(data[0]), data[1] >= 1, let door = DoorState(rawValue: data[2]) else { return nil }
            self = frame.command == 0x82
                ? .openLockReply(address: address, ok: ok, channel: data[1], door: door)
                : .queryDoorReply(address: address, ok: ok, channel: data[1], door: door)
        case (0x84, true, 1...):
            let doors = data.dropFirst().compactMap(DoorState.init(rawValue:))
            guard let ok = status(data[0]), doors.count == data.count - 1 else { return nil }
            self = .queryAllDoorsReply(address: address, ok: ok, doors: doors)
        case (0x85, true, 2):
            guard data[0] >= 1, let door = DoorState(rawValue: data[1]) else { return nil }
            self = .doorChanged(address: address, channel: data[0], door: door)
        case (0x86, true, 1):
            guard let ok = status(data[0]) else { return nil }
            self = .openAllReply(address: address, ok: ok)
        default:
            return nil
        }
    }
}
