/// Why a secret cannot be hashed, or why a text is not an encoded `SecretHash`. Stable cases;
/// none carries the secret or the digest, so an error may be logged.
public enum SecretHashError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Hashing

    /// The secret is empty.
    case emptySecret
    /// The secret is longer than `SecretHash.maximumSecretLength` bytes (UTF-8).
    case secretTooLong(byteCount: Int)
    /// Fewer PBKDF2 iterations than `SecretHash.minimumIterations`.
    case iterationsTooLow(Int)
    /// More PBKDF2 iterations than `SecretHash.maximumIterations` (a denial of service, not security).
    case iterationsTooHigh(Int)
    /// The PBKDF2 implementation refused the parameters.
    case derivationFailed

    // MARK: Parsing

    /// The encoded text is longer than `SecretHash.maximumEncodedLength` bytes.
    case encodingTooLong(length: Int)
    /// The encoded text does not have 4 `$`-separated parts.
    case wrongPartCount(Int)
    /// The first part is not `pbkdf2-sha256`.
    case unknownScheme
    /// The iteration count is not a decimal number without sign or leading zero.
    case malformedIterations
    /// The salt is not canonical standard base64 (with padding).
    case malformedSalt
    /// The salt decodes to a byte count other than `SecretHash.saltByteCount`.
    case wrongSaltLength(Int)
    /// The digest is not canonical standard base64 (with padding).
    case malformedDigest
    /// The digest decodes to a byte count other than `SecretHash.digestByteCount`.
    case wrongDigestLength(Int)

    /// An English sentence for logs and technicians; never contains a secret or a digest.
    public var description: String {
        switch self {
        case .emptySecret: "the secret is empty"
        case .secretTooLong(let byteCount):
            "the secret is \(byteCount) bytes long (at most \(SecretHash.maximumSecretLength))"
        case .iterationsTooLow(let count): "\(count) iterations is below \(SecretHash.minimumIterations)"
        case .iterationsTooHigh(let count): "\(count) iterations is above \(SecretHash.maximumIterations)"
        case .derivationFailed: "the key derivation failed"
        case .encodingTooLong(let length):
            "the encoded hash is \(length) bytes long (at most \(SecretHash.maximumEncodedLength))"
        case .wrongPartCount(let count): "the encoded hash has \(count) parts, not 4"
        case .unknownScheme: "the encoded hash is not \(SecretHash.scheme)"
        case .malformedIterations: "the iteration count is not a plain decimal number"
        case .malformedSalt: "the salt is not canonical base64"
        case .wrongSaltLength(let count): "the salt is \(count) bytes, not \(SecretHash.saltByteCount)"
        case .malformedDigest: "the digest is not canonical base64"
        case .wrongDigestLength(let count): "the digest is \(count) bytes, not \(SecretHash.digestByteCount)"
        }
    }
}
