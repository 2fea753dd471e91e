import Foundation

/// One outbox event as the push session sees it: its place in the kiosk's order and its
/// deduplication key. The payload stays in the store and the client.
public struct PushItem: Sendable, Equatable, Hashable {
    /// Per-kiosk sequence number (`SoThuTu`), ≥ 1.
    public let seq: Int64
    /// Event id (`MaSuKien`), the backend's deduplication key.
    public let eventID: UUID

    /// An item.
    public init(seq: Int64, eventID: UUID) {
        self.seq = seq
        self.eventID = eventID
    }
}

/// What the backend said about one batch it answered with a success status.
public struct PushAnswer: Sendable, Equatable {
    /// Events the backend has durably recorded (`DaNhan`), including ones it already had.
    public var accepted: [UUID]
    /// Events the backend refused (`TuChoi`), with its reason and whether a resend can succeed.
    public var refused: [UUID: PushRefusal]
    /// The last sequence number the backend has consumed for this kiosk (`SoThuTuCuoi`); events
    /// up to it are settled, accepted or refused for good.
    public var lastConsumedSeq: Int64

    /// An answer.
    public init(accepted: [UUID], refused: [UUID: PushRefusal] = [:], lastConsumedSeq: Int64) {
        self.accepted = accepted
        self.refused = refused
        self.lastConsumedSeq = lastConsumedSeq
    }
}

/// Why the backend refused one event.
public struct PushRefusal: Sendable, Equatable {
    /// The stable reason code and the backend's sentence, e.g. `HO_SO_KHONG_TON_TAI: unknown dossier`.
    public var reason: String
    /// Whether sending it again later can succeed (`ThuLai`).
    public var retryable: Bool

    /// A refusal.
    public init(reason: String, retryable: Bool) {
        self.reason = reason
        self.retryable = retryable
    }
}

/// What the store must record for a batch the backend settled.
public struct PushSettlement: Sendable, Equatable {
    /// Events accepted: mark acknowledged.
    public var accepted: [PushItem]
    /// Events refused for good and consumed by the backend: mark acknowledged and keep the reason
    /// for technicians (they are never resent, and never silently forgotten).
    public var refused: [RefusedItem]

    /// A settlement.
    public init(accepted: [PushItem], refused: [RefusedItem]) {
        self.accepted = accepted
        self.refused = refused
    }

    /// A refused event with the backend's reason.
    public struct RefusedItem: Sendable, Equatable {
        /// The event.
        public var item: PushItem
        /// The reason.
        public var reason: String

        /// A refused item.
        public init(item: PushItem, reason: String) {
            self.item = item
            self.reason = reason
        }
    }
}

/// Where the push of the outbox is stuck until a technician acts.
public struct PushBlock: Sendable, Equatable {
    /// The first event that cannot be delivered; nothing after it is sent before it.
    public let seq: Int64
    /// Why, in one English line.
    public let reason: String
}
