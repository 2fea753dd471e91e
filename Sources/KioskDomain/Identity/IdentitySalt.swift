import Crypto

/// The kiosk's secret key for hashing identity numbers (CCCD and old CMND) with HMAC-SHA256,
/// so the kiosk can recognise a number it has seen without storing it.
///
/// 16–64 bytes, provisioned with the kiosk's configuration and never logged: an identity number
/// has only about 10¹¹ plausible values, so anyone holding both the salt and a hash can recover
/// the number by trying them all. The salt's bytes are never shown by `description`.
public struct IdentitySalt: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The fewest bytes accepted (128 bits).
    public static let minimumByteCount = 16
    /// The most bytes accepted (one SHA-256 block).
    public static let maximumByteCount = 64

    private let key: SymmetricKey

    /// A salt from raw bytes; `nil` when there are fewer than 16 or more than 64.
    public init?(bytes: some Collection<UInt8>) {
        guard (Self.minimumByteCount...Self.maximumByteCount).contains(bytes.count) else { return nil }
        key = SymmetricKey(data: Array(bytes))
    }

    /// A fresh random salt of 32 bytes drawn from `generator` (pass a seeded one in tests).
    public static func random(using generator: inout some RandomNumberGenerator) -> IdentitySalt {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            withUnsafeBytes(of: generator.next().littleEndian) { bytes.append(contentsOf: $0) }
        }
        return IdentitySalt(withinBounds: bytes)
    }

    /// Wraps bytes whose count is already known to be within the bounds.
    private init(withinBounds bytes: [UInt8]) {
        key = SymmetricKey(data: bytes)
    }

    /// HMAC-SHA256 of the UTF-8 bytes of `text` under this salt, as 64 lower-case hex digits.
    public func hexDigest(of text: some StringProtocol) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)
        return mac.lowerHex
    }

    /// Whether `candidate` (e.g. a number typed at the counter) hashes to `hexDigest`, compared
    /// without an early exit.
    public func matches(_ candidate: some StringProtocol, hexDigest: String) -> Bool {
        ConstantTime.equals(Array(self.hexDigest(of: candidate).utf8), Array(hexDigest.utf8))
    }

    /// `IdentitySalt(<redacted>)`: the bytes are never shown.
    public var description: String { "IdentitySalt(<redacted>)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// No children, so `dump` and debuggers show nothing of the key.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension Sequence<UInt8> {
    /// The bytes as lower-case hex, two digits each.
    var lowerHex: String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = ""
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
