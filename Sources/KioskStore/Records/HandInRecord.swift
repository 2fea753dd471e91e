import Foundation
import GRDB
import KioskDomain

/// A row of `hand_in`: one citizen drop. `DA_NOP` and later require the drop time.
public struct HandInRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hand_in"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy {
        .lowercaseString
    }

    /// Hand-in id.
    public var id: UUID
    /// The provisional dossier code printed on the receipt, once assigned.
    public var provisionalCode: DossierCode?
    /// The procedure chosen.
    public var procedureCode: ProcedureCode
    /// The smallest slot the papers fit in.
    public var requiredSize: SlotSize
    /// The slot assigned to the drop, as the hand-in remembers it.
    public var slotId: SlotID?
    /// How often the door closed on an empty slot.
    public var emptyCloses: Int
    /// Why the hand-in is (or last was) an incident.
    public var incidentCause: IncidentCause?
    /// Submitter's name, masked.
    public var submitterNameMasked: String
    /// Last 4 digits of the submitter's ID number.
    public var submitterIdLast4: String?
    /// Salted SHA-256 of the submitter's ID number.
    public var submitterIdHash: String?
    /// Phone number for SMS, masked for display.
    public var phoneMasked: String?
    /// Papers the citizen declared, in order.
    public var papers: [String]
    /// Recorded state.
    public var state: HandInState
    /// Created.
    public var createdAt: Date
    /// When the door closed with the papers inside.
    public var droppedAt: Date?
    /// When staff collected it.
    public var collectedAt: Date?

    /// A new hand-in.
    public init(
        id: UUID, procedureCode: ProcedureCode, requiredSize: SlotSize = .small, submitterNameMasked: String,
        papers: [String], createdAt: Date
    ) {
        self.id = id
        self.provisionalCode = nil
        self.procedureCode = procedureCode
        self.requiredSize = requiredSize
        self.slotId = nil
        self.emptyCloses = 0
        self.incidentCause = nil
        self.submitterNameMasked = submitterNameMasked
        self.submitterIdLast4 = nil
        self.submitterIdHash = nil
        self.phoneMasked = nil
        self.papers = papers
        self.state = .started
        self.createdAt = createdAt
        self.droppedAt = nil
        self.collectedAt = nil
    }
}
