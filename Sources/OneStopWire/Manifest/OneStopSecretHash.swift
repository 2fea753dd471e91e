/// A salted slow hash of a short secret as it travels (`BamBiMat`): PBKDF2-HMAC-SHA256, the
/// iteration count, a 16-byte salt and a 32-byte digest, both standard base64 with padding.
public struct OneStopSecretHash: Codable, Sendable, Equatable {
    /// The only algorithm of this contract version.
    public static let pbkdf2SHA256 = "pbkdf2-sha256"

    /// `ThuatToan`: `pbkdf2-sha256`.
    public var algorithm: String
    /// `SoVongLap`: PBKDF2 iterations, 1,000…10,000,000.
    public var iterations: Int
    /// `Muoi`: the salt, base64.
    public var salt: String
    /// `GiaTriBam`: the derived key, base64.
    public var hash: String

    /// A hash from its parts (not validated here; the verifier checks them).
    public init(algorithm: String = OneStopSecretHash.pbkdf2SHA256, iterations: Int, salt: String, hash: String) {
        self.algorithm = algorithm
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// The one-line form `algorithm$iterations$salt$hash` (what `SecretHash(encoded:)` reads).
    public var encoded: String { [algorithm, String(iterations), salt, hash].joined(separator: "$") }

    /// Splits the one-line form; `nil` unless it has exactly 4 `$`-separated parts and a decimal iteration count.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let iterations = Int(parts[1]) else { return nil }
        self.init(algorithm: parts[0], iterations: iterations, salt: parts[2], hash: parts[3])
    }

    enum CodingKeys: String, CodingKey {
        case algorithm = "ThuatToan"
        case iterations = "SoVongLap"
        case salt = "Muoi"
        case hash = "GiaTriBam"
    }
}
