import Foundation
import GRDB
import KioskDomain

/// A row of `slot`: one locker door and what it holds. The schema allows at most one occupant
/// (a hand-out or a hand-in, never both), and an occupant in at most one slot.
public struct SlotRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "slot"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }

    /// The label on the door, e.g. `B-07`.
    public var id: SlotID
    /// Size class.
    public var size: SlotSize
    /// Height of the door's lower edge above the floor, mm (0–3000).
    public var doorHeightMm: Int
    /// Whether the slot may be used at all (configuration).
    public var enabled: Bool
    /// Recorded state.
    public var state: SlotState
    /// The result it holds or is reserved for.
    public var handOutId: UUID?
    /// The citizen drop it holds or is reserved for.
    public var handInId: UUID?
    /// Door cycles so far, for spreading wear.
    public var wearCount: Int
    /// Last change.
    public var updatedAt: Date

    /// A free, enabled slot with no wear.
    public init(id: SlotID, size: SlotSize, doorHeightMm: Int, updatedAt: Date) {
        self.id = id
        self.size = size
        self.doorHeightMm = doorHeightMm
        self.enabled = true
        self.state = .free
        self.handOutId = nil
        self.handInId = nil
        self.wearCount = 0
        self.updatedAt = updatedAt
    }
}
