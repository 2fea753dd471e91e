import Foundation
import GRDB
import KioskDomain

/// One event waiting to reach, or already acknowledged by, the one-stop backend.
public struct OutboxEvent: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "outbox"
    /// Event ids are stored as 36-character lower-case text, the form the backend sees.
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }

    /// Delivery progress of an event.
    public enum DeliveryState: String, Codable, Sendable {
        /// Written, never sent.
        case created
        /// Sent at least once, not yet acknowledged.
        case sent
        /// The backend acknowledged it; it is never sent again.
        case acknowledged
    }

    /// Per-kiosk sequence number (`SoThuTu`), from 1, gap-free and never reused.
    public var seq: Int64
    /// Event id (`MaSuKien`), the backend's deduplication key.
    public var eventId: UUID
    /// What happened.
    public var kind: BackendEventKind
    /// The dossier it concerns, when there is one.
    public var dossierCode: String?
    /// When it happened, ISO-8601 with +07:00.
    public var occurredAt: String
    /// The event's details (`DuLieu`) as a JSON object.
    public var payload: String
    /// The journal entry written in the same transaction.
    public var journalSeq: Int64
    /// Delivery progress.
    public var state: DeliveryState
    /// How many times it was handed to the backend client.
    public var attempts: Int
    /// Last time it was sent.
    public var sentAt: Date?
    /// When the backend acknowledged it.
    public var acknowledgedAt: Date?
}

/// What a caller wants reported to the backend with a state change; the store adds the id and
/// sequence number.
public struct OutboxDraft: Sendable, Equatable {
    /// The event kind.
    public var kind: BackendEventKind
    /// The dossier it concerns.
    public var dossierCode: DossierCode?
    /// Details as a JSON object (UTF-8), validated by the schema.
    public var payload: Data

    /// A draft whose details are already JSON.
    public init(kind: BackendEventKind, dossierCode: DossierCode?, payloadJSON: Data) {
        self.kind = kind
        self.dossierCode = dossierCode
        self.payload = payloadJSON
    }

    /// A draft whose details are encoded from `details` with sorted keys.
    /// - Throws: `EncodingError` when `details` cannot be encoded.
    public init(kind: BackendEventKind, dossierCode: DossierCode?, details: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.init(kind: kind, dossierCode: dossierCode, payloadJSON: try encoder.encode(details))
    }
}
