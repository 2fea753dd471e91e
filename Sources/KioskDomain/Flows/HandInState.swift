/// Where one citizen drop stands. Raw values are the names staff see.
public enum HandInState: String, CaseIterable, Sendable, Codable {
    /// Procedure and submitter being chosen (`KHOI_TAO`).
    case started = "KHOI_TAO"
    /// Slot open for the papers (`CHO_NOP`).
    case awaitingDrop = "CHO_NOP"
    /// Papers in, door closed, receipt printed, reported (`DA_NOP`).
    case dropped = "DA_NOP"
    /// Collected by staff (`DA_THU_GOM`).
    case collected = "DA_THU_GOM"
    /// Abandoned or timed out before anything was dropped (`HUY`).
    case cancelled = "HUY"
}
