/// Why a scanner's input was refused instead of delivered as a scan. Every payload is hostile
/// until it has passed these checks: bounded length, strict UTF-8, no control characters.
public enum ScanRejection: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The payload exceeded `limit` (bytes on a serial line, characters from a keyboard wedge);
    /// it was discarded up to its terminator, never truncated.
    case tooLong(limit: Int)
    /// The payload bytes are not well-formed UTF-8 (overlong forms, surrogates, stray continuation
    /// bytes, truncated sequences).
    case invalidUTF8
    /// The payload holds a control character (C0, DEL or C1) other than the line suffix; the value
    /// is its Unicode scalar, 0…0x9F.
    case controlCharacter(UInt32)
    /// A keyboard wedge sent a key the configured layout cannot map (a modifier such as Alt or
    /// Ctrl, a function key); the value is the Linux `KEY_*` code.
    case unknownKey(code: UInt16)
    /// The scanner is configured to send an AIM symbology identifier (`]` + 2 characters) and the
    /// line did not start with one.
    case missingSymbologyIdentifier
    /// Only a symbology identifier arrived, with no payload after it.
    case emptyPayload

    /// A short English sentence for technicians and logs; never contains payload text.
    public var description: String {
        switch self {
        case .tooLong(let limit): "payload longer than \(limit)"
        case .invalidUTF8: "payload is not valid UTF-8"
        case .controlCharacter(let scalar): "control character U+\(Self.hex(scalar)) in payload"
        case .unknownKey(let code): "key code \(code) is not in the layout"
        case .missingSymbologyIdentifier: "no AIM symbology identifier before the payload"
        case .emptyPayload: "empty payload"
        }
    }

    /// `scalar` as at least four upper-case hexadecimal digits.
    private static func hex(_ scalar: UInt32) -> String {
        let digits = String(scalar, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
