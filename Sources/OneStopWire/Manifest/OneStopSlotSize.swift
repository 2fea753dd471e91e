/// The slot size a result needs (`KichThuocO`).
public enum OneStopSlotSize: String, Codable, Sendable, CaseIterable {
    /// Small: envelopes.
    case small = "S"
    /// Medium: folders.
    case medium = "M"
    /// Large: rolled drawings, construction permits.
    case large = "L"
}
