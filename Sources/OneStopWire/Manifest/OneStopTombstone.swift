/// A dossier that no longer belongs in the kiosk's manifest (an item of `DaXoa`).
public struct OneStopTombstone: Codable, Sendable, Equatable {
    /// Why it left (`LyDo`).
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// Withdrawn by the applicant: a loaded item must be recalled.
        case withdrawn = "RUT_HO_SO"
        /// Redirected to the counter: a loaded item must be recalled.
        case redirectedToCounter = "CHUYEN_QUAY"
        /// Handed out: nothing left to do.
        case handedOut = "DA_TRA"
        /// Any other reason: a loaded item must be recalled.
        case other = "KHAC"
    }

    /// `MaHoSo`.
    public var dossierCode: String
    /// `LyDo`.
    public var reason: Reason
    /// `PhienBan`: the change number of the removal.
    public var changeNumber: Int64

    /// A tombstone.
    public init(dossierCode: String, reason: Reason, changeNumber: Int64) {
        self.dossierCode = dossierCode
        self.reason = reason
        self.changeNumber = changeNumber
    }

    enum CodingKeys: String, CodingKey {
        case dossierCode = "MaHoSo"
        case reason = "LyDo"
        case changeNumber = "PhienBan"
    }
}
