import Foundation

/// The kiosk's view of one dossier from the manifest (`HoSo`): what it is, whose it is (masked),
/// what is still owed and how big a slot its result needs. Holds no full ID number and no name
/// in clear.
public struct Dossier: Equatable, Sendable {
    /// The dossier code (`MaHoSo`).
    public let code: DossierCode
    /// The procedure (`MaTTHC`).
    public let procedureCode: ProcedureCode
    /// The procedure's name as citizens read it (`TenTTHC`), Vietnamese with diacritics.
    public let procedureName: String
    /// The national status (`TrangThaiHoSo`, 1–10) last synchronised.
    public let nationalStatus: NationalStatus
    /// The owner's name, already masked upstream (e.g. `Nguyễn T** Thu Hà`); never the full name.
    public let ownerNameMasked: String
    /// The last 4 digits of the owner's ID number, exactly four ASCII digits, when known.
    public let ownerIdLast4: String?
    /// The registered phone number, already masked upstream (e.g. `09******78`), when known.
    public let phoneMasked: String?
    /// The appointment (`NgayHenTra`), when the backend gave one.
    public let dueAt: Date?
    /// Fees still owed, whole VND, ≥ 0; a result is not released while this is above zero.
    public let feeDue: Int
    /// The smallest slot size the result fits in.
    public let requiredSize: SlotSize
    /// The result must be received in person at the counter (signature, original surrendered):
    /// the kiosk never releases it.
    public let inPersonOnly: Bool

    /// A validated dossier view.
    /// - Throws: `DossierError.negativeFee` when `feeDue < 0`, `.invalidIdLast4` when
    ///   `ownerIdLast4` is not exactly four ASCII digits, `.blankProcedureName` when the name is
    ///   empty after trimming.
    public init(
        code: DossierCode,
        procedureCode: ProcedureCode,
        procedureName: String,
        nationalStatus: NationalStatus,
        ownerNameMasked: String,
        ownerIdLast4: String?,
        phoneMasked: String?,
        dueAt: Date?,
        feeDue: Int,
        requiredSize: SlotSize,
        inPersonOnly: Bool
    ) throws(DossierError) {
        guard feeDue >= 0 else { throw .negativeFee(feeDue) }
        if let last4 = ownerIdLast4 {
            guard last4.count == 4, last4.allSatisfy(\.isASCIIDigit) else { throw .invalidIdLast4 }
        }
        guard !procedureName.trimmingASCIIWhitespace().isEmpty else { throw .blankProcedureName }
        self.code = code
        self.procedureCode = procedureCode
        self.procedureName = procedureName
        self.nationalStatus = nationalStatus
        self.ownerNameMasked = ownerNameMasked
        self.ownerIdLast4 = ownerIdLast4
        self.phoneMasked = phoneMasked
        self.dueAt = dueAt
        self.feeDue = feeDue
        self.requiredSize = requiredSize
        self.inPersonOnly = inPersonOnly
    }

    /// Whether the kiosk may hand this result out at all: status 9 (result ready) and not
    /// reserved for the counter. Fees are settled inside the hand-out flow, not here.
    public var isReleasableByKiosk: Bool {
        nationalStatus == .resultReady && !inPersonOnly
    }
}
