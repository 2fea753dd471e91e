import DeviceProtocols

// WKLY frames, board side.
//
// `82` open one lock → releases it and replies ok + the channel + the door input read right
//      after the release (with spring-loaded doors, the default for WKLY, that reads open). A
//      channel the board does not have gets status FF and door FF.
// `83` query one door → ok + channel + door input.
// `84` query all doors → ok + one door state per channel, channel 1 first.
// `86` open all → releases every lock and replies ok; the doors that spring open are then
//      pushed as `85` frames.
// `85` is pushed whenever a door input changes for any other reason (control API, faults),
// possibly between a request and its delayed reply. Frames that are not host requests are ignored.
extension LockBoardEmulatorCore {
    mutating func handleWKLY(_ frame: WKLYFrame) {
        guard let message = WKLYMessage(frame: frame, fromBoard: false) else { return }
        switch message {
        case .openLock(let address, let channel):
            guard let board = boards[address] else { return }
            let index = Int(channel) - 1
            let valid = board.channels.indices.contains(index)
            command(0x82, board: address, channel: Int(channel)) { core in
                if valid {
                    core.release(board: address, index: index)
                    core.markReported(board: address, index: index)
                }
                core.sendReply(from: address, command: 0x82) { reading in
                    try? WKLYMessage.openLockReply(
                        address: address, ok: valid, channel: channel, door: valid ? reading.wklyDoor(index) : .error
                    ).frame.encoded()
                }
            }
        case .queryDoor(let address, let channel):
            guard let board = boards[address] else { return }
            let index = Int(channel) - 1
            let valid = board.channels.indices.contains(index)
            command(0x83, board: address, channel: Int(channel)) { core in
                core.sendReply(from: address, command: 0x83) { reading in
                    try? WKLYMessage.queryDoorReply(
                        address: address, ok: valid, channel: channel, door: reading.wklyDoor(index)
                    ).frame.encoded()
                }
            }
        case .queryAllDoors(let address):
            guard let board = boards[address] else { return }
            command(0x84, board: address) { core in
                core.sendReply(from: address, command: 0x84) { reading in
                    try? WKLYMessage.queryAllDoorsReply(
                        address: address, ok: true, doors: board.channels.indices.map(reading.wklyDoor)
                    ).frame.encoded()
                }
            }
        case .openAll(let address):
            guard let board = boards[address] else { return }
            command(0x86, board: address) { core in
                for index in board.channels.indices {
                    core.release(board: address, index: index)
                }
                core.sendReply(from: address, command: 0x86) { _ in
                    try? WKLYMessage.openAllReply(address: address, ok: true).frame.encoded()
                }
            }
        case .openLockReply, .queryDoorReply, .queryAllDoorsReply, .doorChanged, .openAllReply:
            break
        }
    }
}
