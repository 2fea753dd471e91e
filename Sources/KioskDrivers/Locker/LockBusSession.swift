import DeviceProtocols
import KioskHAL

/// The protocol logic of one lock bus, without I/O and without a clock. The driver feeds it
/// `LockSessionInput`s and carries out the `LockSessionAction`s it returns. It keeps at most one
/// request outstanding, matches replies to it by (board, command, channel), ignores stale and
/// duplicate frames, diffs every reading into `LockerEvent`s, tracks board health, and confirms
/// unlocks by reading status after the pulse; it never sends a second pulse for one request.
/// Family-specific coding (Kerong, WKLY) lives in `+Families`.
public struct LockBusSession: Sendable {
    /// Health of one board as the session sees it.
    struct BoardHealth: Sendable {
        var state: DeviceStatus = .starting
        var timeouts = 0
        var garbled = 0
        var collisionReported = false
    }

    /// An unlock that was pulsed and awaits the latch's release.
    struct Confirmation: Sendable {
        var ticket: UInt64
        var slot: LockSessionSlot
        /// True while the WKLY `82` reply is still awaited; confirmation reads start after it.
        var awaitingAck: Bool
    }

    /// The last reply matched to a request, to tell duplicates from a second board answering.
    struct Answered: Sendable {
        var board: Int
        var command: UInt8
        var channel: Int?
        var frame: ReplyFrame
    }

    /// A decoded reply frame of either family, for comparison.
    enum ReplyFrame: Sendable, Equatable {
        case kerong(KerongFrame)
        case wkly(WKLYFrame)
    }

    /// The bus id, e.g. `lockbus0`.
    public let bus: String
    /// The bus's board family.
    public let family: LockerSlotAddress.Family
    /// Consecutive timeouts after which a board is declared offline (≥ 1).
    public let offlineAfter: Int
    /// Garbled replies from one board (while another answers cleanly) that mean two boards share its address.
    public let collisionAfter: Int
    /// Boards whose lock feedback reads inverted (Kerong hook bit 1 = released, WKLY `00` = closed).
    public let invertedFeedback: Set<Int>

    let slotsByLabel: [String: LockSessionSlot]
    let labelsByBoard: [Int: [String]]
    let slotAt: [Int: [Int: String]]
    /// Boards with at least one enabled slot, ascending.
    public let boards: [Int]

    var statuses: [String: LockerSlotStatus] = [:]
    var health: [Int: BoardHealth] = [:]
    var outstanding: LockBusRequest?
    var answered: Answered?
    var pendingOpens: [(ticket: UInt64, slot: LockSessionSlot)] = []
    var confirmations: [Confirmation] = []
    var commanded: Set<String> = []
    /// Slots whose unlock was not confirmed: commanded until a reading shows the door closed.
    var settling: Set<String> = []
    var rereads: [Int] = []
    var pollCursor = 0
    var linkUp = true
    var kerongDecoder = KerongFrameDecoder()
    var wklyDecoder = WKLYFrameDecoder()
    /// Frames that matched no outstanding request (late, stray or duplicated), for diagnostics.
    public internal(set) var staleFrames = 0

    /// A session for `slots` on `bus`. Every board is queued for a first read. `invertedFeedback`
    /// names boards wired with the opposite feedback polarity.
    public init(
        bus: String, family: LockerSlotAddress.Family, slots: [LockSessionSlot], offlineAfter: Int = 3,
        collisionAfter: Int = 3, invertedFeedback: Set<Int> = []
    ) {
        self.invertedFeedback = invertedFeedback
        self.bus = bus
        self.family = family
        self.offlineAfter = max(1, offlineAfter)
        self.collisionAfter = max(1, collisionAfter)
        var byLabel: [String: LockSessionSlot] = [:]
        var byBoard: [Int: [LockSessionSlot]] = [:]
        var at: [Int: [Int: String]] = [:]
        for slot in slots {
            byLabel[slot.label] = slot
            byBoard[slot.board, default: []].append(slot)
            at[slot.board, default: [:]][slot.channel] = slot.label
        }
        slotsByLabel = byLabel
        labelsByBoard = byBoard.mapValues { $0.sorted { $0.channel < $1.channel }.map(\.label) }
        slotAt = at
        boards = byBoard.keys.sorted()
        for board in boards { health[board] = BoardHealth() }
        let unknownOccupancy: LockerSlotStatus.Occupancy = family == .wkly ? .notSensed : .unknown
        for slot in slots {
            statuses[slot.label] = LockerSlotStatus(lock: .unknown, door: .unknown, occupancy: unknownOccupancy, device: .starting)
        }
        rereads = boards
    }

    /// The name used for a board in events: `bus/board`, e.g. `lockbus0/3`.
    public func boardName(_ board: Int) -> String { "\(bus)/\(board)" }

    /// The request on the bus now, if any.
    public var outstandingRequest: LockBusRequest? { outstanding }

    /// True when a request awaits its reply; the driver keeps reading until this turns false.
    public var awaitingReply: Bool { outstanding != nil }

    /// The last known status of every slot, by label.
    public var snapshot: [String: LockerSlotStatus] { statuses }

    /// The device status of one board as tracked by the session.
    public func state(ofBoard board: Int) -> DeviceStatus? { health[board]?.state }

    /// Applies one input and returns what the driver must do, in order.
    public mutating func handle(_ input: LockSessionInput) -> [LockSessionAction] {
        switch input {
        case .busFree(let pollDue, let pulseAllowed): return nextRequest(pollDue: pollDue, pulseAllowed: pulseAllowed)
        case .received(let bytes): return receive(bytes)
        case .replyTimedOut: return timeout()
        case .open(let ticket, let label): return requestOpen(ticket: ticket, label: label)
        case .openBoundPassed(let ticket): return boundPassed(ticket: ticket)
        case .linkLost: return loseLink()
        case .linkRestored: return restoreLink()
        }
    }

    /// Picks the next request: a pending unlock (when a pulse is allowed), a confirmation read, a
    /// re-read, then a fair poll.
    mutating func nextRequest(pollDue: Bool, pulseAllowed: Bool) -> [LockSessionAction] {
        guard outstanding == nil, linkUp else { return [] }
        var actions: [LockSessionAction] = []
        while pulseAllowed && !pendingOpens.isEmpty {
            let pending = pendingOpens.removeFirst()
            guard health[pending.slot.board]?.state != .offline else {
                actions.append(.finish(ticket: pending.ticket, .outcome(.boardOffline)))
                continue
            }
            return actions + [.send(startUnlock(ticket: pending.ticket, slot: pending.slot))]
        }
        if let index = confirmations.firstIndex(where: { !$0.awaitingAck }) {
            let confirmation = confirmations.remove(at: index)
            confirmations.append(confirmation)
            return actions + [.send(issue(confirmationRead(for: confirmation.slot)))]
        }
        if !rereads.isEmpty {
            return actions + [.send(issue(fullRead(board: rereads.removeFirst(), purpose: .poll)))]
        }
        guard pollDue, !boards.isEmpty else { return actions }
        let board = boards[pollCursor % boards.count]
        pollCursor = (pollCursor + 1) % boards.count
        return actions + [.send(issue(fullRead(board: board, purpose: .poll)))]
    }

    /// Records `request` as outstanding when it awaits a reply. A new request closes the window
    /// in which a second frame to the previous one counts as a second board answering.
    mutating func issue(_ request: LockBusRequest) -> LockBusRequest {
        if request.awaitsReply {
            outstanding = request
            answered = nil
        }
        return request
    }
}
