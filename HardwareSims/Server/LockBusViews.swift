import HardwareSims
import Hummingbird

/// One channel as the control API shows it.
public struct ChannelView: Codable, Sendable, Equatable, ResponseEncodable {
    /// Board address.
    public var board: UInt8
    /// Channel, 1-based.
    public var channel: Int
    /// The latch holds the door.
    public var latched: Bool
    /// The door is open.
    public var doorOpen: Bool
    /// Something is in the slot.
    public var itemPresent: Bool
    /// The door was forced open while latched.
    public var forced: Bool

    init(board: UInt8, channel: Int, state: LockChannelState) {
        self.board = board
        self.channel = channel
        latched = state.latched
        doorOpen = state.doorOpen
        itemPresent = state.itemPresent
        forced = state.forced
    }
}

/// One bus as the control API shows it.
public struct LockBusView: Codable, Sendable, Equatable, ResponseEncodable {
    /// One board.
    public struct Board: Codable, Sendable, Equatable {
        /// Address.
        public var address: UInt8
        /// Whether it answers.
        public var online: Bool
        /// Its channels, channel 1 first.
        public var channels: [ChannelView]
    }

    /// Bus id.
    public var id: String
    /// `kerong` or `wkly`.
    public var family: String
    /// The symlink a driver opens.
    public var link: String
    /// Whether the port is plugged in.
    public var plugged: Bool
    /// Boards, lowest address first.
    public var boards: [Board]
}

/// Every bus, for `GET /api/lock-buses`.
public struct LockBusList: Codable, Sendable, Equatable, ResponseEncodable {
    /// The buses, by id.
    public var buses: [LockBusView]
}

/// One emulator log line.
public struct EmulatorLogView: Codable, Sendable, Equatable, ResponseEncodable {
    /// The lines, oldest first.
    public var entries: [String]
}

extension LockBusHost {
    /// The bus as the control API shows it.
    func view() async -> LockBusView {
        let core = await emulator.snapshot
        var boards: [LockBusView.Board] = []
        for address in core.boardAddresses {
            let channels = (1...core.configuration.family.channelsPerBoard).compactMap { channel -> ChannelView? in
                guard let state = try? core.state(board: address, channel: channel) else { return nil }
                return ChannelView(board: address, channel: channel, state: state)
            }
            boards.append(.init(address: address, online: (try? core.isOnline(board: address)) ?? false, channels: channels))
        }
        return LockBusView(id: id, family: family, link: link, plugged: await plug.isPlugged, boards: boards)
    }
}
