import Foundation
import GRDB
import KioskDomain

/// A row of `hand_out`: one result's way out of the kiosk. At most one active hand-out per
/// dossier; `DA_TRA` requires the hand-out time.
public struct HandOutRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hand_out"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }

    /// Hand-out id.
    public var id: UUID
    /// The dossier whose result this is.
    public var dossierCode: DossierCode
    /// Recorded state.
    public var state: HandOutState
    /// The slot that holds or is about to hold the result, as the hand-out remembers it.
    public var slotId: SlotID?
    /// Fee still due as last known, whole VND (≥ 0).
    public var feeDue: Int
    /// Why the hand-out is (or last was) an incident.
    public var incidentCause: IncidentCause?
    /// The pickup code's salted slow hash, as synced from the backend; never the code.
    public var pickupCodeHash: String?
    /// Wrong pickup codes so far.
    public var wrongAttempts: Int
    /// Locked after too many wrong codes; only staff can release it.
    public var lockedForStaff: Bool
    /// When staff loaded it.
    public var loadedAt: Date?
    /// End of the holding period.
    public var holdUntil: Date?
    /// When the door closed on the empty slot.
    public var handedOutAt: Date?
    /// Created.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date

    /// A hand-out waiting to be loaded.
    public init(id: UUID, dossierCode: DossierCode, createdAt: Date) {
        self.id = id
        self.dossierCode = dossierCode
        self.state = .awaitingLoad
        self.slotId = nil
        self.feeDue = 0
        self.incidentCause = nil
        self.pickupCodeHash = nil
        self.wrongAttempts = 0
        self.lockedForStaff = false
        self.loadedAt = nil
        self.holdUntil = nil
        self.handedOutAt = nil
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}
