import Foundation
import GRDB

/// One row of the append-only journal: what happened, to what, by whom, chained to the row
/// before it by SHA-256 so that an edited, deleted or reordered row is detectable.
public struct JournalEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "journal"

    /// Position in the chain, from 1, gap-free.
    public var seq: Int64
    /// When it was recorded, ISO-8601 with the +07:00 offset (the exact text that is hashed).
    public var recordedAt: String
    /// What happened, a short stable name such as `handOut.loaded` or `slot.blocked`.
    public var kind: String
    /// What it happened to: a dossier code, slot label, staff id…
    public var subject: String
    /// Who caused it: `citizen`, `staff:<id>`, `technician:<id>`, `system`, `backend`.
    public var actor: String
    /// Details as a JSON object (keys sorted), never containing secrets or full ID numbers.
    public var payload: String
    /// The previous entry's `hash`, or 64 zeros for the first entry.
    public var previousHash: String
    /// SHA-256 over `previousHash` and this entry's fields, lower-case hex.
    public var hash: String
}

/// What a caller wants journalled with a state change; the store adds the position, time and chain.
public struct JournalDraft: Sendable, Equatable {
    /// Short stable name of what happened, 1–64 characters.
    public var kind: String
    /// The dossier code, slot label or staff id it concerns.
    public var subject: String
    /// Who caused it (`citizen`, `staff:<id>`, `system`…).
    public var actor: String
    /// Details as a JSON object; encoded with sorted keys.
    public var details: [String: String]

    /// A journal draft.
    public init(kind: String, subject: String, actor: String, details: [String: String] = [:]) {
        self.kind = kind
        self.subject = subject
        self.actor = actor
        self.details = details
    }
}
