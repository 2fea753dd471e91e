import Testing
import KioskDomain
import OneStopWire

/// Reads a wire hash as the kiosk will: through `SecretHash(encoded:)`.
enum SecretHashCheck {
    static func decode(_ hash: OneStopSecretHash) throws -> SecretHash {
        #expect(hash.algorithm == "pbkdf2-sha256")
        return try SecretHash(encoded: hash.encoded)
    }
}
