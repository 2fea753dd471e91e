import DeviceProtocols
import KioskHAL
@testable import KioskDrivers

/// Builders for driving a `LockBusSession` input by input with real codec bytes.
enum SessionTestSupport {
    /// Slots `K0-1`…: `boards` × `channels`, labelled `<prefix><board>-<channel>`.
    static func slots(boards: [Int], channels: Int, prefix: String = "S") -> [LockSessionSlot] {
        boards.flatMap { board in
            (1...channels).map { LockSessionSlot(label: "\(prefix)\(board)-\($0)", board: board, channel: $0) }
        }
    }

    /// A Kerong `35` status reply.
    static func kerongStatus(board: Int, hooks: UInt16 = 0xFFFF, sensors: UInt16 = 0) -> [UInt8] {
        (try? KerongFrame.status(board: UInt8(board), hooks: hooks, sensors: sensors).encoded()) ?? []
    }

    /// A Kerong request's bytes.
    static func kerong(_ frame: KerongFrame) -> [UInt8] { (try? frame.encoded()) ?? [] }

    /// A WKLY message's bytes.
    static func wkly(_ message: WKLYMessage) -> [UInt8] { (try? message.frame.encoded()) ?? [] }

    /// A WKLY `84` reply with every door closed.
    static func wklyAllClosed(board: Int, channels: Int) -> [UInt8] {
        wkly(.queryAllDoorsReply(address: UInt8(board), ok: true, doors: Array(repeating: .closed, count: channels)))
    }

    /// The requests among `actions`.
    static func sent(_ actions: [LockSessionAction]) -> [LockBusRequest] {
        actions.compactMap { if case .send(let request) = $0 { request } else { nil } }
    }

    /// The events among `actions`.
    static func events(_ actions: [LockSessionAction]) -> [LockerEvent] {
        actions.compactMap { if case .emit(let event) = $0 { event } else { nil } }
    }

    /// The finished opens among `actions`.
    static func finished(_ actions: [LockSessionAction]) -> [(UInt64, LockOpenResolution)] {
        actions.compactMap { if case .finish(let ticket, let resolution) = $0 { (ticket, resolution) } else { nil } }
    }

    /// A Kerong session whose boards all answered their first read with idle status.
    static func idleKerong(boards: [Int] = [0, 1, 2], channels: Int = 4, offlineAfter: Int = 3) -> LockBusSession {
        var session = LockBusSession(
            bus: "bus0", family: .kerong, slots: slots(boards: boards, channels: channels), offlineAfter: offlineAfter)
        for _ in boards {
            guard let request = sent(session.handle(.busFree(pollDue: false))).first else { break }
            _ = session.handle(.received(kerongStatus(board: request.board)))
        }
        return session
    }

    /// A WKLY session whose boards all answered their first `84` with every door closed.
    static func idleWKLY(boards: [Int] = [0, 1], channels: Int = 4, offlineAfter: Int = 3) -> LockBusSession {
        var session = LockBusSession(
            bus: "bus1", family: .wkly, slots: slots(boards: boards, channels: channels), offlineAfter: offlineAfter)
        for _ in boards {
            guard let request = sent(session.handle(.busFree(pollDue: false))).first else { break }
            _ = session.handle(.received(wklyAllClosed(board: request.board, channels: channels)))
        }
        return session
    }
}
