/// Why a lock-board frame cannot be encoded.
public enum LockFrameError: Error, Equatable, Sendable {
    /// A board, lock or channel number outside what the family can address.
    case fieldOutOfRange(field: String, value: Int)
    /// More data bytes than one frame can carry.
    case tooLong(length: Int)
}
