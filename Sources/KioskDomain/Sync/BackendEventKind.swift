/// The kinds of event a kiosk reports to the one-stop backend (`LoaiSuKien`). Raw values are
/// the wire and database names.
public enum BackendEventKind: String, CaseIterable, Sendable, Codable {
    /// A result was loaded into a slot (`NAP_KET_QUA`); the backend issues the pickup code.
    case resultLoaded = "NAP_KET_QUA"
    /// A result left the kiosk through a door that closed on an empty slot (`TRA_KET_QUA`).
    case resultHandedOut = "TRA_KET_QUA"
    /// A citizen dropped a dossier (`NOP_HO_SO`).
    case dossierHandedIn = "NOP_HO_SO"
    /// Staff collected dropped dossiers (`THU_GOM`).
    case dropsCollected = "THU_GOM"
    /// Staff took a result back to the counter (`THU_HOI`).
    case resultRecalled = "THU_HOI"
    /// A fee was confirmed paid (`THANH_TOAN`).
    case paymentConfirmed = "THANH_TOAN"
    /// An incident that needs staff (`SU_CO`).
    case incident = "SU_CO"
    /// A door opened without a command (`CUA_MO_BAT_THUONG`).
    case doorOpenedUnexpectedly = "CUA_MO_BAT_THUONG"
    /// A staff member or technician logged in at the kiosk (`DANG_NHAP_CAN_BO`).
    case staffLoggedIn = "DANG_NHAP_CAN_BO"
}
