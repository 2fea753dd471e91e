import DeviceProtocols
@testable import HardwareSims

/// Builders and decoders shared by the emulator tests: they drive the core with real codec bytes
/// and read its answers back through the real decoders.
enum EmulatorTestSupport {
    /// The vendor vector for "board 0, all closed, no items".
    static let idleStatusBoard0: [UInt8] = [0x02, 0x00, 0x35, 0xFF, 0xFF, 0x00, 0x00, 0x03, 0x38]

    static func kerongBus(boards: [UInt8] = [0], faults: FaultPlan = FaultPlan()) throws -> LockBoardEmulatorCore {
        try LockBoardEmulatorCore(configuration: LockBusConfiguration(family: .kerong, boards: boards), faults: faults)
    }

    static func wklyBus(
        channels: Int = 16, boards: [UInt8] = [0], springDoors: Bool = true, faults: FaultPlan = FaultPlan()
    ) throws -> LockBoardEmulatorCore {
        try LockBoardEmulatorCore(
            configuration: LockBusConfiguration(
                family: .wkly(channels: channels), boards: boards, doorPopsOpenOnRelease: springDoors),
            faults: faults)
    }

    static func plan(_ faults: ScheduledFault...) -> FaultPlan {
        FaultPlan(name: "test", faults: faults)
    }

    static func bytes(_ transmissions: [LockBusTransmission]) -> [UInt8] {
        transmissions.flatMap(\.bytes)
    }

    static func kerongFrames(_ transmissions: [LockBusTransmission]) -> [KerongFrame] {
        var decoder = KerongFrameDecoder()
        return decoder.feed(bytes(transmissions))
    }

    static func wklyMessages(_ transmissions: [LockBusTransmission]) -> [WKLYMessage] {
        var decoder = WKLYFrameDecoder()
        return decoder.feed(bytes(transmissions)).compactMap { WKLYMessage(frame: $0, fromBoard: true) }
    }

    /// Reads board `board`'s status through the wire at `time` and returns the decoded frame.
    static func status(
        of core: inout LockBoardEmulatorCore, board: UInt8 = 0, at time: Duration
    ) throws -> (hooks: UInt16, sensors: UInt16)? {
        let replies = core.receive(try KerongFrame.readStatus(board: board).encoded(), at: time)
        guard case .status(_, let hooks, let sensors)? = kerongFrames(replies).first else { return nil }
        return (hooks, sensors)
    }

    /// Unlocks a channel over the wire, opens its door, puts an item in and closes it again.
    static func load(_ core: inout LockBoardEmulatorCore, board: UInt8 = 0, channel: Int, at time: Duration) throws {
        _ = core.receive(try KerongFrame.unlock(board: board, lock: UInt8(channel - 1)).encoded(), at: time)
        try core.openDoor(board: board, channel: channel)
        try core.putItem(board: board, channel: channel)
        try core.closeDoor(board: board, channel: channel)
    }
}
