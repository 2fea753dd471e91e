import DeviceProtocols

// Kerong KR-CU16 short frames, board side.
//
// `30` read status → the 9-byte `35` status frame of that board.
// `31` unlock one lock → no reply (real CU16 boards stay silent; the host polls `30`).
// `33` unlock all locks of a board → no reply.
// `32 F0` read all boards → every board on the bus answers with its `35` frame, lowest address first.
// Status frames from other boards seen on the shared bus are ignored.
extension LockBoardEmulatorCore {
    mutating func handleKerong(_ frame: KerongFrame) {
        switch frame {
        case .readStatus(let address):
            guard boards[address] != nil else { return }
            command(0x30, board: address) { core in
                core.sendKerongStatus(from: address)
            }
        case .unlock(let address, let lock):
            guard boards[address] != nil else { return }
            command(0x31, board: address, channel: Int(lock) + 1) { core in
                core.release(board: address, index: Int(lock))
            }
        case .unlockAll(let address):
            guard let board = boards[address] else { return }
            command(0x33, board: address) { core in
                for index in board.channels.indices {
                    core.release(board: address, index: index)
                }
            }
        case .readAllBoards:
            for address in boardAddresses {
                command(0x32, board: address) { core in
                    core.sendKerongStatus(from: address)
                }
            }
        case .status:
            break
        }
    }

    /// Brackets one command for one board: logs it, runs command-bound fault bookkeeping and
    /// performs `body` — unless the board is offline, in which case it neither acts nor answers.
    mutating func command(_ code: UInt8, board: UInt8, channel: Int? = nil, _ body: (inout Self) -> Void) {
        beginCommand(board: board)
        record(.request(command: code), board: board, channel: channel)
        if isTalking(board) {
            body(&self)
        } else {
            record(.silentWhileOffline, board: board)
        }
        endCommand(board: board)
    }

    private mutating func sendKerongStatus(from address: UInt8) {
        sendReply(from: address, command: 0x35) { reading in
            try? KerongFrame.status(board: reading.address, hooks: reading.kerongHooks, sensors: reading.kerongSensors)
                .encoded()
        }
    }
}
