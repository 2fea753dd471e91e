/// Bytes an emulated board puts on the bus, and the emulator time at which they go out.
public struct LockBusTransmission: Sendable, Equatable {
    /// The bytes exactly as sent (possibly corrupted, truncated or garbled by a fault).
    public var bytes: [UInt8]
    /// When they go out, as a duration since the emulator started (never before the request).
    public var sendAt: Duration
    /// The board address that sent them.
    public var board: UInt8

    /// A transmission.
    public init(bytes: [UInt8], sendAt: Duration, board: UInt8) {
        self.bytes = bytes
        self.sendAt = sendAt
        self.board = board
    }
}
