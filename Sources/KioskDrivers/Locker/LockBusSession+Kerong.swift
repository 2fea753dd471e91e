import DeviceProtocols
import KioskHAL

// Kerong KR-CU16: requests `30` (status) and `31` (unlock, never answered); replies `35`.
// One input per lock: the hook bit is 1 only when latched AND the door is closed, so a released
// hook is reported as lock unlocked and door open (the board cannot tell the two apart).
extension LockBusSession {
    /// A `30` status read of `board`.
    func kerongStatusRequest(board: Int, purpose: LockRequestPurpose) -> LockBusRequest {
        let bytes = (try? KerongFrame.readStatus(board: UInt8(clamping: board)).encoded()) ?? []
        return LockBusRequest(board: board, command: 0x30, channel: nil, purpose: purpose, bytes: bytes, awaitsReply: true)
    }

    /// A `31` pulse of `slot`'s lock; the board sends no reply.
    func kerongUnlock(slot: LockSessionSlot) -> LockBusRequest {
        let frame = KerongFrame.unlock(board: UInt8(clamping: slot.board), lock: UInt8(clamping: slot.channel - 1))
        let bytes = (try? frame.encoded()) ?? []
        return LockBusRequest(
            board: slot.board, command: 0x31, channel: slot.channel, purpose: .unlock, bytes: bytes, awaitsReply: false)
    }

    /// Decodes Kerong bytes; `35` replies are matched to the outstanding `30`, echoes are ignored.
    mutating func receiveKerong(_ bytes: [UInt8]) -> [LockSessionAction] {
        let failuresBefore = kerongDecoder.checksumFailures
        let frames = kerongDecoder.feed(bytes)
        var actions: [LockSessionAction] = []
        if kerongDecoder.checksumFailures > failuresBefore, let request = outstanding {
            actions += noteGarbled(request.board)
        }
        for frame in frames {
            guard case .status(let address, let hooks, let sensors) = frame else { continue }
            let board = Int(address)
            guard match(board: board, command: 0x30, channel: nil, frame: .kerong(frame), actions: &actions) else {
                continue
            }
            actions += markGood(board, fullRead: true)
            actions += applyKerong(board: board, hooks: hooks, sensors: sensors)
        }
        return actions
    }

    /// Applies one board's hook and infrared bits to its slots.
    mutating func applyKerong(board: Int, hooks: UInt16, sensors: UInt16) -> [LockSessionAction] {
        var actions: [LockSessionAction] = []
        for (channel, label) in (slotAt[board] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let bit = UInt16(1) << UInt16(channel - 1)
            let latched = hooks & bit != 0
            let present = sensors & bit != 0
            actions += apply(
                label, lock: latched ? .locked : .unlocked, door: latched ? .closed : .open,
                occupancy: present ? .present : .absent)
        }
        return actions
    }
}
