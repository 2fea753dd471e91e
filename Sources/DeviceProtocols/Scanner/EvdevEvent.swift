/// One Linux `struct input_event` as read from `/dev/input/eventN` on x86_64 (and other LP64
/// little-endian targets): 24 bytes, `timeval` (seconds i64, microseconds i64), `type` u16,
/// `code` u16, `value` i32, all little-endian.
public struct EvdevEvent: Sendable, Equatable, Hashable {
    /// Size of one record in bytes.
    public static let byteCount = 24

    /// Event type `EV_SYN`: the end of one report.
    public static let synchronization: UInt16 = 0x00
    /// Event type `EV_KEY`: a key or button changed.
    public static let key: UInt16 = 0x01
    /// Event type `EV_MSC`: miscellaneous (e.g. the raw scan code before a key event).
    public static let miscellaneous: UInt16 = 0x04

    /// `EV_KEY` value: released.
    public static let released: Int32 = 0
    /// `EV_KEY` value: pressed.
    public static let pressed: Int32 = 1
    /// `EV_KEY` value: auto-repeat while held.
    public static let repeated: Int32 = 2

    /// Seconds of the kernel timestamp (CLOCK_REALTIME unless the reader chose another clock).
    public var seconds: Int64
    /// Microseconds of the kernel timestamp, 0…999 999 on well-formed input.
    public var microseconds: Int64
    /// The event type (`EV_KEY` = 1).
    public var type: UInt16
    /// The code within the type (for `EV_KEY`, a Linux `KEY_*` code such as `KEY_A` = 30).
    public var code: UInt16
    /// The value (for `EV_KEY`: 0 released, 1 pressed, 2 repeated).
    public var value: Int32

    /// An event.
    public init(seconds: Int64, microseconds: Int64, type: UInt16, code: UInt16, value: Int32) {
        self.seconds = seconds
        self.microseconds = microseconds
        self.type = type
        self.code = code
        self.value = value
    }

    /// A key event at `time` (seconds and microseconds taken from it; sub-microsecond dropped).
    public static func key(_ code: UInt16, value: Int32, at time: Duration) -> EvdevEvent {
        let (seconds, attoseconds) = time.components
        return EvdevEvent(seconds: seconds, microseconds: attoseconds / 1_000_000_000_000,
                          type: key, code: code, value: value)
    }

    /// The timestamp as a duration since the clock's origin; saturates instead of trapping on
    /// absurd values from a hostile device.
    public var timestamp: Duration {
        let clampedSeconds = min(max(seconds, -Self.secondsBound), Self.secondsBound)
        let clampedMicroseconds = min(max(microseconds, -Self.secondsBound), Self.secondsBound)
        return .seconds(clampedSeconds) + .microseconds(clampedMicroseconds)
    }

    /// Whether this is an `EV_KEY` press or repeat.
    public var isKeyDown: Bool { type == Self.key && (value == Self.pressed || value == Self.repeated) }

    /// The record decoded from exactly `byteCount` bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        let raw = Array(bytes)
        seconds = Int64(bitPattern: Self.little(raw, at: 0, width: 8))
        microseconds = Int64(bitPattern: Self.little(raw, at: 8, width: 8))
        type = UInt16(truncatingIfNeeded: Self.little(raw, at: 16, width: 2))
        code = UInt16(truncatingIfNeeded: Self.little(raw, at: 18, width: 2))
        value = Int32(bitPattern: UInt32(truncatingIfNeeded: Self.little(raw, at: 20, width: 4)))
    }

    /// The 24 bytes the kernel would write for this event.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        Self.append(UInt64(bitPattern: seconds), width: 8, to: &bytes)
        Self.append(UInt64(bitPattern: microseconds), width: 8, to: &bytes)
        Self.append(UInt64(type), width: 2, to: &bytes)
        Self.append(UInt64(code), width: 2, to: &bytes)
        Self.append(UInt64(UInt32(bitPattern: value)), width: 4, to: &bytes)
        return bytes
    }

    /// Timestamps beyond ±2^40 s (about 35 000 years) are clamped.
    private static let secondsBound: Int64 = 1 << 40

    private static func little(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        var result: UInt64 = 0
        for index in (0..<width).reversed() {
            result = (result << 8) | UInt64(bytes[offset + index])
        }
        return result
    }

    private static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for index in 0..<width {
            bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))))
        }
    }
}
