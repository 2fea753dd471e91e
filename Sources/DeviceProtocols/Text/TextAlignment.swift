/// Horizontal placement of a line within the printable width.
public enum TextAlignment: Hashable, Sendable {
    /// Flush with the left margin.
    case left
    /// Centred between the margins (odd leftover dots go to the right).
    case centred
}
