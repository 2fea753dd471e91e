import DeviceProtocols

/// Where a slot's lock lives on the hardware: which bus, which board family, which board and
/// which channel. Only the driver layer knows these; everything above speaks slot labels.
public struct LockerSlotAddress: Hashable, Sendable {
    /// The lock-board protocol a bus speaks.
    public enum Family: String, Sendable, Hashable, Codable, CaseIterable {
        /// Kerong KR-CU16 short frames, 19200 8N1, polled; boards 0–15, channels 1–16.
        case kerong
        /// WKLY frames, 9600 8N1, with pushed door changes; boards 0–31, channels 1–64.
        case wkly

        /// The highest board address the family can express.
        public var maximumBoard: Int {
            switch self {
            case .kerong: Int(KerongFrame.maximumBoard)
            case .wkly: Int(WKLYFrame.maximumAddress)
            }
        }

        /// The highest channel number (1-based) a board of the family can have.
        public var maximumChannel: Int {
            switch self {
            case .kerong: KerongFrame.locksPerBoard
            case .wkly: 64
            }
        }
    }

    /// The configured bus id, e.g. `lockbus0`.
    public var bus: String
    /// The protocol family of that bus.
    public var family: Family
    /// Board address on the bus.
    public var board: Int
    /// Channel on the board, 1-based.
    public var channel: Int

    /// An address; validity is checked by the slot map, which knows the buses.
    public init(bus: String, family: Family, board: Int, channel: Int) {
        self.bus = bus
        self.family = family
        self.board = board
        self.channel = channel
    }
}
