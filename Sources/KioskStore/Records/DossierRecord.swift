import Foundation
import GRDB
import KioskDomain

/// A row of `dossier`: what the kiosk knows of a dossier from the manifest or a hand-in.
/// Holds no full ID number: only the last 4 digits and a salted hash.
public struct DossierRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dossier"

    /// `MaHoSo`.
    public var code: DossierCode
    /// `MaTTHC`.
    public var procedureCode: ProcedureCode
    /// `TenTTHC`.
    public var procedureName: String
    /// `TrangThaiHoSo`, 1–10.
    public var nationalStatus: NationalStatus
    /// Owner's name as shown on screen, already masked.
    public var ownerNameMasked: String
    /// Last 4 digits of the owner's ID number.
    public var ownerIdLast4: String?
    /// Salted SHA-256 of the owner's ID number, 64 hex characters.
    public var ownerIdHash: String?
    /// Phone number as shown, already masked.
    public var phoneMasked: String?
    /// Appointment (`NgayHenTra`).
    public var dueAt: Date?
    /// Fees still due, VND (≥ 0).
    public var feeDue: Int
    /// Smallest slot the result fits in.
    public var requiredSize: SlotSize
    /// The result must be received at the counter, never through the kiosk.
    public var inPersonOnly: Bool
    /// Last change.
    public var updatedAt: Date

    /// A dossier record.
    public init(
        code: DossierCode, procedureCode: ProcedureCode, procedureName: String, nationalStatus: NationalStatus,
        ownerNameMasked: String, ownerIdLast4: String? = nil, ownerIdHash: String? = nil,
        phoneMasked: String? = nil, dueAt: Date? = nil, feeDue: Int = 0, requiredSize: SlotSize = .small,
        inPersonOnly: Bool = false, updatedAt: Date
    ) {
        self.code = code
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.nationalStatus = nationalStatus
        self.ownerNameMasked = ownerNameMasked
        self.ownerIdLast4 = ownerIdLast4
        self.ownerIdHash = ownerIdHash
        self.phoneMasked = phoneMasked
        self.dueAt = dueAt
        self.feeDue = feeDue
        self.requiredSize = requiredSize
        self.inPersonOnly = inPersonOnly
        self.updatedAt = updatedAt
    }
}
