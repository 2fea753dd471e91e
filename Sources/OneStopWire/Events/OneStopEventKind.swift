/// The kind of an event (`LoaiSuKien`). The kiosk maps its own event kinds to these at its edge.
public enum OneStopEventKind: String, Codable, Sendable, CaseIterable {
    /// A result was loaded into a slot; the backend issues the pickup code and SMS.
    case resultLoaded = "NAP_KET_QUA"
    /// A result left through a door that closed on an empty slot; the dossier becomes status 10.
    case resultHandedOut = "TRA_KET_QUA"
    /// A citizen dropped a dossier; the backend creates it in status 1.
    case dossierHandedIn = "NOP_HO_SO"
    /// Staff collected dropped dossiers.
    case dropsCollected = "THU_GOM"
    /// Staff took a result back to the counter.
    case resultRecalled = "THU_HOI"
    /// A fee was confirmed paid at the kiosk.
    case paymentConfirmed = "THANH_TOAN"
    /// An incident that needs staff.
    case incident = "SU_CO"
    /// A door opened without a command.
    case doorOpenedUnexpectedly = "CUA_MO_BAT_THUONG"
    /// A staff member or technician logged in.
    case staffLoggedIn = "DANG_NHAP_CAN_BO"

    /// Whether the event must name a dossier (`MaHoSo`).
    public var requiresDossierCode: Bool {
        switch self {
        case .resultLoaded, .resultHandedOut, .dossierHandedIn, .resultRecalled, .paymentConfirmed: true
        case .dropsCollected, .incident, .doorOpenedUnexpectedly, .staffLoggedIn: false
        }
    }
}
