import Foundation
import KioskDomain

/// One item of a manifest page as the store applies it: a dossier to return through this kiosk
/// in its latest version, or a tombstone saying the dossier was withdrawn or sent to the counter.
public struct ManifestEntry: Sendable, Equatable {
    /// What the entry says.
    public enum Content: Sendable, Equatable {
        /// The dossier as the backend now knows it.
        case live(ManifestDossier)
        /// Withdrawn, cancelled or re-routed to the counter (`Xoa: true`).
        case withdrawn
    }

    /// `MaHoSo`.
    public var code: DossierCode
    /// The backend's version of this dossier (`PhienBan`, ≥ 0); an older version never
    /// overwrites a newer one.
    public var version: Int64
    /// What the entry says.
    public var content: Content

    /// An entry.
    public init(code: DossierCode, version: Int64, content: Content) {
        self.code = code
        self.version = version
        self.content = content
    }
}

/// A live manifest dossier: the domain view plus what only the sync keeps.
public struct ManifestDossier: Sendable, Equatable {
    /// The dossier (validated by the domain).
    public var dossier: Dossier
    /// Salted SHA-256 of the owner's ID number, 64 lower-case hex characters, when sent.
    public var ownerIdHash: String?
    /// The pickup code's slow hash, once the backend issued a code (after `NAP_KET_QUA`).
    public var pickupCodeHash: SecretHash?
    /// End of the holding period the backend set (`HanNhan`).
    public var holdUntil: Date?

    /// A live dossier.
    public init(dossier: Dossier, ownerIdHash: String? = nil, pickupCodeHash: SecretHash? = nil, holdUntil: Date? = nil) {
        self.dossier = dossier
        self.ownerIdHash = ownerIdHash
        self.pickupCodeHash = pickupCodeHash
        self.holdUntil = holdUntil
    }
}

/// What applying one manifest page changed.
public struct ManifestApplyResult: Sendable, Equatable {
    /// Live dossiers inserted or updated to a newer version.
    public var upserted = 0
    /// Entries older than (or as old as) what the store holds; nothing changed for them.
    public var ignoredStale = 0
    /// Tombstones applied.
    public var withdrawn = 0
    /// Hand-outs whose result sits in a slot and must now be recalled by staff.
    public var recallTasks: [RecallTask] = []

    /// An empty result.
    public init() {}
}

/// A result staff must take back to the counter, because the backend withdrew it after it was
/// loaded. The kiosk never hands it out.
public struct RecallTask: Sendable, Equatable, Codable {
    /// Task id.
    public var id: Int64
    /// The dossier.
    public var dossierCode: String
    /// The hand-out that held it.
    public var handOutId: UUID
    /// The slot it sits in, when known.
    public var slotId: String?
    /// When the task was created.
    public var createdAt: Date
}
