/// Where one result stands on its way out of the kiosk. All of it sits inside national status 9
/// until `handedOut`, which is reported as 10. Raw values are the names staff see.
public enum HandOutState: String, CaseIterable, Sendable, Codable {
    /// In the manifest, not yet loaded (`CHO_NAP`).
    case awaitingLoad = "CHO_NAP"
    /// Slot open for staff to load (`DANG_NAP`).
    case loading = "DANG_NAP"
    /// Loaded, pickup code issued (`SAN_SANG_TRA`).
    case readyForPickup = "SAN_SANG_TRA"
    /// Citizen authenticated, a fee must be paid first (`CHO_THANH_TOAN`).
    case awaitingPayment = "CHO_THANH_TOAN"
    /// Slot open for the citizen (`DANG_TRA`).
    case handingOut = "DANG_TRA"
    /// Door closed on an empty slot; reported as status 10 (`DA_TRA`).
    case handedOut = "DA_TRA"
    /// Past the holding period, still collectable (`QUA_HAN`).
    case overdue = "QUA_HAN"
    /// Taken back to the counter by staff (`DA_THU_HOI`).
    case recalled = "DA_THU_HOI"
    /// Withdrawn or redirected by the backend (`HUY`); an item still in a slot must be recalled.
    case cancelled = "HUY"
    /// Needs staff: forced door, sensor disagreement, power loss mid-operation (`SU_CO`).
    case incident = "SU_CO"
}
