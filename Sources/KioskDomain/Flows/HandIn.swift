import Foundation

/// One citizen drop (`HandIn`): from choosing the procedure to staff collecting the papers. A
/// value-type state machine: change it only through `handle(_:)` (see `HandIn+Transitions.swift`).
public struct HandIn: Hashable, Sendable {
    /// How many times a door that closed on an empty slot is opened again before the drop is
    /// cancelled (an elderly citizen may close it by mistake once).
    public static let reopensAfterEmptyClose = 1

    /// Hand-in id.
    public let id: UUID
    /// The procedure chosen.
    public let procedureCode: ProcedureCode
    /// The slot size the papers need.
    public let requiredSize: SlotSize

    /// Recorded state.
    public internal(set) var state: HandInState
    /// The slot the papers go into or are in; kept on a drop cancelled with its door open, so
    /// staff know where to look.
    public internal(set) var slot: SlotID?
    /// Doors that closed on an empty slot so far in this drop, 0…`reopensAfterEmptyClose` + 1.
    public internal(set) var emptyCloses: Int
    /// When the door closed with the papers inside.
    public internal(set) var droppedAt: Date?
    /// When staff collected the papers.
    public internal(set) var collectedAt: Date?
    /// Why the drop was cancelled by an incident, if it was.
    public internal(set) var incidentCause: IncidentCause?

    /// A new drop being prepared (`KHOI_TAO`).
    public init(id: UUID, procedureCode: ProcedureCode, requiredSize: SlotSize) {
        self.init(
            restoring: id, procedureCode: procedureCode, requiredSize: requiredSize, state: .started,
            slot: nil, emptyCloses: 0, droppedAt: nil, collectedAt: nil, incidentCause: nil)
    }

    /// A drop as last recorded (for the store and for tests); a negative count is raised to zero.
    public init(
        restoring id: UUID, procedureCode: ProcedureCode, requiredSize: SlotSize, state: HandInState,
        slot: SlotID?, emptyCloses: Int, droppedAt: Date?, collectedAt: Date?, incidentCause: IncidentCause?
    ) {
        self.id = id
        self.procedureCode = procedureCode
        self.requiredSize = requiredSize
        self.state = state
        self.slot = slot
        self.emptyCloses = max(0, emptyCloses)
        self.droppedAt = droppedAt
        self.collectedAt = collectedAt
        self.incidentCause = incidentCause
    }

    /// The subject used in journal entries and backend events: the lower-case id.
    public var subject: String { id.uuidString.lowercased() }
}
