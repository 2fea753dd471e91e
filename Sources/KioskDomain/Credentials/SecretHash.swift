import Crypto
import CryptoExtras
import Foundation

/// A slow salted hash of a short secret (a 6-digit pickup code, a staff PIN):
/// PBKDF2-HMAC-SHA256 with a random 16-byte salt per item and a 32-byte digest.
///
/// Travels as `pbkdf2-sha256$<iterations>$<salt base64>$<digest base64>` (standard base64 with
/// padding), e.g. in the backend manifest and the synced staff list. A 6-digit code has only
/// 10⁶ values, so the hash slows an attacker who copied the database down but cannot stop them;
/// the attempt limits and the code's short life are what protect it. `description` never shows
/// the salt or the digest.
public struct SecretHash: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The scheme name, the first part of the encoding.
    public static let scheme = "pbkdf2-sha256"
    /// Iterations used when none are given: the floor swift-crypto's checked API and OWASP's
    /// 2021 guidance set for PBKDF2-HMAC-SHA256 (about 0.1–0.3 s on a kiosk's CPU).
    public static let defaultIterations = 210_000
    /// The fewest iterations accepted (tests use this; production should not).
    public static let minimumIterations = 1_000
    /// The most iterations accepted, so a forged manifest cannot stall the kiosk.
    public static let maximumIterations = 10_000_000
    /// Salt size in bytes.
    public static let saltByteCount = 16
    /// Digest size in bytes (one SHA-256 output).
    public static let digestByteCount = 32
    /// The longest secret accepted, in UTF-8 bytes.
    public static let maximumSecretLength = 128
    /// The longest encoded text the parser reads, in bytes.
    public static let maximumEncodedLength = 128

    /// The PBKDF2 iteration count, `minimumIterations`…`maximumIterations`.
    public let iterations: Int
    /// The salt, `saltByteCount` bytes.
    let salt: [UInt8]
    /// The derived key, `digestByteCount` bytes.
    let digest: [UInt8]

    /// Hashes `secret` with a fresh salt drawn from `generator` (a seeded generator in tests).
    /// - Throws: `SecretHashError.emptySecret`, `.secretTooLong`, `.iterationsTooLow`,
    ///   `.iterationsTooHigh`, `.derivationFailed`.
    public init(
        hashing secret: String, iterations: Int = defaultIterations, using generator: inout some RandomNumberGenerator
    ) throws(SecretHashError) {
        try Self.checkIterations(iterations)
        var salt: [UInt8] = []
        salt.reserveCapacity(Self.saltByteCount)
        while salt.count < Self.saltByteCount {
            withUnsafeBytes(of: generator.next().littleEndian) { salt.append(contentsOf: $0) }
        }
        self.iterations = iterations
        self.salt = salt
        digest = try Self.derive(secret, salt: salt, iterations: iterations)
    }

    /// Hashes `secret` with a fresh salt from the system's secure random source.
    /// - Throws: as `init(hashing:iterations:using:)`.
    public init(hashing secret: String, iterations: Int = defaultIterations) throws(SecretHashError) {
        var generator = SystemRandomNumberGenerator()
        try self.init(hashing: secret, iterations: iterations, using: &generator)
    }

    /// Assembles a hash from parts already checked by the parser.
    init(iterations: Int, salt: [UInt8], digest: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.digest = digest
    }

    /// Whether `candidate` is the secret that was hashed. Derives the candidate's digest with the
    /// same salt and iterations and compares all 32 bytes without an early exit. An empty or
    /// over-long candidate is `false`.
    public func verify(_ candidate: String) -> Bool {
        guard let derived = try? Self.derive(candidate, salt: salt, iterations: iterations) else { return false }
        return ConstantTime.equals(derived, digest)
    }

    /// `pbkdf2-sha256$<iterations>$<salt base64>$<digest base64>`.
    public var encoded: String {
        [Self.scheme, String(iterations), Data(salt).base64EncodedString(), Data(digest).base64EncodedString()]
            .joined(separator: "$")
    }

    /// `SecretHash(pbkdf2-sha256, 210000 iterations, <redacted>)`.
    public var description: String { "SecretHash(\(Self.scheme), \(iterations) iterations, <redacted>)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Only the scheme and the iteration count; salt and digest stay hidden from `dump`.
    public var customMirror: Mirror {
        Mirror(self, children: ["scheme": Self.scheme, "iterations": iterations], displayStyle: .struct)
    }

    /// Refuses an iteration count outside the bounds.
    static func checkIterations(_ iterations: Int) throws(SecretHashError) {
        guard iterations >= minimumIterations else { throw .iterationsTooLow(iterations) }
        guard iterations <= maximumIterations else { throw .iterationsTooHigh(iterations) }
    }

    /// PBKDF2-HMAC-SHA256 of the UTF-8 bytes of `secret` (NFC-normalised first).
    private static func derive(_ secret: String, salt: [UInt8], iterations: Int) throws(SecretHashError) -> [UInt8] {
        let bytes = Array(secret.precomposedStringWithCanonicalMapping.utf8)
        guard !bytes.isEmpty else { throw .emptySecret }
        guard bytes.count <= maximumSecretLength else { throw .secretTooLong(byteCount: bytes.count) }
        do {
            // The checked `rounds:` variant insists on 210,000; the bounds above are ours.
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: bytes, salt: salt, using: .sha256, outputByteCount: digestByteCount,
                unsafeUncheckedRounds: iterations)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .derivationFailed
        }
    }
}

extension SecretHash: Equatable {
    /// Same iterations, salt and digest; the bytes are compared without an early exit.
    public static func == (lhs: SecretHash, rhs: SecretHash) -> Bool {
        lhs.iterations == rhs.iterations && ConstantTime.equals(lhs.salt + lhs.digest, rhs.salt + rhs.digest)
    }
}
