/// The size class of a slot or of what must go into one (`KichThuocO`). Ordered S < M < L:
/// an item fits any slot at least its size.
public enum SlotSize: String, CaseIterable, Sendable, Codable, Comparable {
    /// Small: an A4 envelope.
    case small = "S"
    /// Medium: a thick folder.
    case medium = "M"
    /// Large: drawings, construction permits.
    case large = "L"

    private var order: Int {
        switch self {
        case .small: 0
        case .medium: 1
        case .large: 2
        }
    }

    public static func < (lhs: SlotSize, rhs: SlotSize) -> Bool { lhs.order < rhs.order }
}
