/// The state of a locker slot as the kiosk records it (`TrangThaiO`). Raw values are the names
/// staff see and the values stored in the database.
public enum SlotState: String, CaseIterable, Sendable, Codable {
    /// Free (`TRONG`).
    case free = "TRONG"
    /// Reserved for an item that is about to be put in (`GIU_CHO`).
    case reserved = "GIU_CHO"
    /// A door operation is in flight (`DANG_MO`).
    case doorOperation = "DANG_MO"
    /// Holds an item (`CO_HANG`).
    case occupied = "CO_HANG"
    /// Blocked for maintenance by staff or a technician (`KHOA`).
    case blocked = "KHOA"
    /// Faulty: lock, door or sensor misbehaved (`LOI`).
    case fault = "LOI"
}
