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

    /// Applies one board's hook and infrared bits to its slots, honouring the board's polarity.
    mutating func applyKerong(board: Int, hooks wire: UInt16, sensors: UInt16) -> [LockSessionAction] {
        let hooks = invertedFeedback.contains(board) ? ~wire : wire
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

// WKLY: requests `82` (open), `83` (query one door), `84` (query all); replies reuse the command;
// `85` door changes are pushed at any time, also between a request and its reply. Door input only:
// no item sensors, so occupancy stays `.notSensed`.
extension LockBusSession {
    /// An `84` read of every door of `board`.
    func wklyQueryAll(board: Int, purpose: LockRequestPurpose) -> LockBusRequest {
        let bytes = (try? WKLYMessage.queryAllDoors(address: UInt8(clamping: board)).frame.encoded()) ?? []
        return LockBusRequest(board: board, command: 0x84, channel: nil, purpose: purpose, bytes: bytes, awaitsReply: true)
    }

    /// An `83` read of `slot`'s door, deciding its confirmation.
    func wklyQueryDoor(slot: LockSessionSlot) -> LockBusRequest {
        let message = WKLYMessage.queryDoor(address: UInt8(clamping: slot.board), channel: UInt8(clamping: slot.channel))
        let bytes = (try? message.frame.encoded()) ?? []
        return LockBusRequest(
            board: slot.board, command: 0x83, channel: slot.channel, purpose: .confirm, bytes: bytes, awaitsReply: true)
    }

    /// An `82` pulse of `slot`'s lock; the reply reports the door right after the release.
    func wklyOpen(slot: LockSessionSlot) -> LockBusRequest {
        let message = WKLYMessage.openLock(address: UInt8(clamping: slot.board), channel: UInt8(clamping: slot.channel))
        let bytes = (try? message.frame.encoded()) ?? []
        return LockBusRequest(
            board: slot.board, command: 0x82, channel: slot.channel, purpose: .unlock, bytes: bytes, awaitsReply: true)
    }

    /// Decodes WKLY bytes: pushes are applied at once, replies matched to the outstanding request.
    mutating func receiveWKLY(_ bytes: [UInt8]) -> [LockSessionAction] {
        let failuresBefore = wklyDecoder.checksumFailures
        let frames = wklyDecoder.feed(bytes)
        var actions: [LockSessionAction] = []
        if wklyDecoder.checksumFailures > failuresBefore, let request = outstanding {
            actions += noteGarbled(request.board)
        }
        for frame in frames {
            guard let message = WKLYMessage(frame: frame, fromBoard: true) else { continue }
            switch message {
            case .doorChanged(let address, let channel, let door):
                if let label = slotAt[Int(address)]?[Int(channel)] { actions += applyWKLY(label, door) }
            case .openLockReply(let address, let ok, let channel, let door):
                let board = Int(address)
                guard match(board: board, command: 0x82, channel: Int(channel), frame: .wkly(frame), actions: &actions)
                else { continue }
                actions += markGood(board, fullRead: false)
                actions += acknowledgeOpen(board: board, channel: Int(channel), ok: ok, door: door)
            case .queryDoorReply(let address, let ok, let channel, let door):
                let board = Int(address)
                guard match(board: board, command: 0x83, channel: Int(channel), frame: .wkly(frame), actions: &actions)
                else { continue }
                actions += markGood(board, fullRead: false)
                if ok, let label = slotAt[board]?[Int(channel)] { actions += applyWKLY(label, door) }
            case .queryAllDoorsReply(let address, let ok, let doors):
                let board = Int(address)
                guard match(board: board, command: 0x84, channel: nil, frame: .wkly(frame), actions: &actions)
                else { continue }
                actions += markGood(board, fullRead: true)
                guard ok else { continue }
                for (channel, label) in (slotAt[board] ?? [:]).sorted(by: { $0.key < $1.key }) where channel <= doors.count {
                    actions += applyWKLY(label, doors[channel - 1])
                }
            default:
                continue
            }
        }
        return actions
    }

    /// The `82` reply: a door already open confirms; a refused pulse is not confirmed; a closed
    /// door moves the confirmation to `83` reads.
    mutating func acknowledgeOpen(board: Int, channel: Int, ok: Bool, door: WKLYMessage.DoorState) -> [LockSessionAction] {
        guard let label = slotAt[board]?[channel] else { return [] }
        for index in confirmations.indices where confirmations[index].slot.label == label {
            confirmations[index].awaitingAck = false
        }
        guard ok else {
            let refused = confirmations.filter { $0.slot.label == label }
            confirmations.removeAll { $0.slot.label == label }
            commanded.remove(label)
            return refused.map { .finish(ticket: $0.ticket, .outcome(.notConfirmed)) }
        }
        return applyWKLY(label, door)
    }

    /// Applies one door input to `label`, honouring its board's polarity.
    mutating func applyWKLY(_ label: String, _ wire: WKLYMessage.DoorState) -> [LockSessionAction] {
        var door = wire
        if let board = slotsByLabel[label]?.board, invertedFeedback.contains(board) {
            door = wire == .open ? .closed : wire == .closed ? .open : .error
        }
        return switch door {
        case .open: apply(label, lock: .unlocked, door: .open, occupancy: nil)
        case .closed: apply(label, lock: .locked, door: .closed, occupancy: nil)
        case .error: apply(label, lock: .unknown, door: .unknown, occupancy: nil)
        }
    }
}
