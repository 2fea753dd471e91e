/// The 6-digit one-time code (OTP) a citizen receives by SMS to collect a result.
///
/// Exactly six ASCII digits after trimming white space; leading zeros are significant
/// (`004213`). The digits never appear in `description`, `debugDescription` or a `Mirror`, so a
/// code cannot leak into logs by interpolation; read `digits` only to hash or send it.
public struct PickupCode: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Number of digits in a code.
    public static let length = 6
    /// The longest input examined, in UTF-8 bytes; longer input is refused unread.
    public static let maximumInputLength = 32

    /// The six digits, e.g. `482913`. Secret: hash it, send it, never log it.
    public let digits: String

    /// Parses what a citizen typed or a scanner read.
    /// - Throws: `PickupCodeError.tooLong` (more than `maximumInputLength` bytes), `.empty`,
    ///   `.nonDigit` (any character other than `0`–`9`), `.wrongLength` (not 6 digits).
    public init(_ text: String) throws(PickupCodeError) {
        guard text.utf8.count <= Self.maximumInputLength else { throw .tooLong(byteCount: text.utf8.count) }
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.allSatisfy(\.isASCIIDigit) else { throw .nonDigit }
        guard trimmed.utf8.count == Self.length else { throw .wrongLength(trimmed.utf8.count) }
        digits = String(trimmed)
    }

    /// A uniformly random code, `000000`–`999999`, drawn from `generator`.
    public static func random(using generator: inout some RandomNumberGenerator) -> PickupCode {
        let value = Int.random(in: 0...999_999, using: &generator)
        let text = String(value)
        return PickupCode(validDigits: String(repeating: "0", count: length - text.count) + text)
    }

    /// Wraps six digits already known to be valid.
    private init(validDigits: String) {
        digits = validDigits
    }

    /// A slow salted hash of this code for the manifest (see `SecretHash`).
    /// - Throws: `SecretHashError.iterationsTooLow` or `.iterationsTooHigh`, `.derivationFailed`.
    public func hashed(
        iterations: Int = SecretHash.defaultIterations, using generator: inout some RandomNumberGenerator
    ) throws(SecretHashError) -> SecretHash {
        try SecretHash(hashing: digits, iterations: iterations, using: &generator)
    }

    /// `PickupCode(******)`: never the digits.
    /// An English sentence for logs; never contains the typed text.
    public var description: String { "PickupCode(******)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// No children, so `dump` and debuggers show nothing of the code.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension PickupCode: Equatable {
    /// Same digits, compared without an early exit.
    public static func == (lhs: PickupCode, rhs: PickupCode) -> Bool {
        ConstantTime.equals(Array(lhs.digits.utf8), Array(rhs.digits.utf8))
    }
}

/// Why a text is not a pickup code. Stable cases that never carry the typed text.
public enum PickupCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but white space.
    case empty
    /// More than `PickupCode.maximumInputLength` bytes, refused unread.
    case tooLong(byteCount: Int)
    /// A character other than the ASCII digits `0`–`9` (letters, signs, Unicode digits…).
    case nonDigit
    /// Digits only, but not exactly `PickupCode.length` of them.
    case wrongLength(Int)

    public var description: String {
        switch self {
        case .empty: "the code is empty"
        case .tooLong(let byteCount): "the input is \(byteCount) bytes long"
        case .nonDigit: "the code contains a character other than 0-9"
        case .wrongLength(let count): "the code has \(count) digits, not \(PickupCode.length)"
        }
    }
}
