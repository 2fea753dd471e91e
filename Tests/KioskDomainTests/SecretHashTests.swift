import Testing
@testable import KioskDomain
import TestSupport

@Suite struct SecretHashTests {
    /// PBKDF2-HMAC-SHA256 of `482913`, 1,000 iterations, salt = the first 16 bytes of SplitMix64(seed 1);
    /// computed independently (Python hashlib).
    static let pickupCodeSeed1 = "pbkdf2-sha256$1000$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM="

    private func hash(_ secret: String, seed: UInt64, iterations: Int = 1_000) throws -> SecretHash {
        var generator = SplitMix64(seed: seed)
        return try SecretHash(hashing: secret, iterations: iterations, using: &generator)
    }

    @Test func encoded_withSeededSalt_matchesIndependentComputation() throws {
        #expect(try hash("482913", seed: 1).encoded == Self.pickupCodeSeed1)
        #expect(try hash("1234", seed: 3).encoded
            == "pbkdf2-sha256$1000$7Y8B2+QUCx2JqYF7im9Gsw==$k7k0nsuxHghsQbqIHhCByfQvaESnsBKA2CVtHlXZLlg=")
    }

    @Test func verify_acceptsOnlyTheHashedSecret() throws {
        let stored = try hash("482913", seed: 1)
        #expect(stored.verify("482913"))
        #expect(!stored.verify("482914"))
        #expect(!stored.verify("48291"))
        #expect(!stored.verify(" 482913"))
        #expect(!stored.verify(""))
        #expect(!stored.verify(String(repeating: "4", count: 10_000)))
    }

    @Test func verify_withDefaultIterations_works() throws {
        // One full-cost hash, with the system's random source
        let stored = try SecretHash(hashing: "2468")
        #expect(stored.iterations == 210_000)
        #expect(stored.verify("2468"))
        #expect(!stored.verify("2469"))
    }

    @Test func encoding_roundTrips() throws {
        // Given a stored hash as it travels in the manifest
        let original = try hash("482913", seed: 1)
        // When read back
        let decoded = try SecretHash(encoded: original.encoded)
        // Then
        #expect(decoded == original)
        #expect(decoded.iterations == 1_000)
        #expect(decoded.encoded == Self.pickupCodeSeed1)
        #expect(decoded.verify("482913"))
        #expect(!decoded.verify("000000"))
    }

    @Test func differentSalts_giveDifferentEncodingsOfTheSameSecret() throws {
        let first = try hash("482913", seed: 1)
        let second = try hash("482913", seed: 2)
        #expect(second.encoded
            == "pbkdf2-sha256$1000$zlaXHN41WJdCHvwLEEbIvw==$D+XX8K6haiIyz9TUb4IcLktTQWXA5OAOQ7YgIGcIK/Y=")
        #expect(first != second)
        let systemA = try SecretHash(hashing: "482913", iterations: 1_000)
        let systemB = try SecretHash(hashing: "482913", iterations: 1_000)
        #expect(systemA.encoded != systemB.encoded)
        #expect(systemA.verify("482913") && systemB.verify("482913"))
    }

    @Test(arguments: [999, 0, -1, Int.min])
    func init_whenTooFewIterations_throwsIterationsTooLow(iterations: Int) {
        #expect(throws: SecretHashError.iterationsTooLow(iterations)) { try hash("482913", seed: 1, iterations: iterations) }
    }

    @Test func init_whenAbsurdIterations_throwsIterationsTooHigh() {
        #expect(throws: SecretHashError.iterationsTooHigh(10_000_001)) {
            try hash("482913", seed: 1, iterations: 10_000_001)
        }
    }

    @Test func init_whenSecretEmptyOrHuge_throws() {
        #expect(throws: SecretHashError.emptySecret) { try hash("", seed: 1) }
        #expect(throws: SecretHashError.secretTooLong(byteCount: 129)) {
            try hash(String(repeating: "9", count: 129), seed: 1)
        }
    }

    @Test(arguments: [
        ("", SecretHashError.wrongPartCount(1)),
        ("pbkdf2-sha256$1000$wVwCiewtCpFn7I5loY3rvg==", .wrongPartCount(3)),
        (pickupCodeSeed1 + "$", .wrongPartCount(5)),
        ("pbkdf2-sha1$1000$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .unknownScheme),
        ("PBKDF2-SHA256$1000$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .unknownScheme),
        ("pbkdf2-sha256$01000$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedIterations),
        ("pbkdf2-sha256$-1000$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedIterations),
        ("pbkdf2-sha256$1e3$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedIterations),
        ("pbkdf2-sha256$$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedIterations),
        ("pbkdf2-sha256$100000000$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedIterations),
        ("pbkdf2-sha256$999$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .iterationsTooLow(999)),
        ("pbkdf2-sha256$20000000$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .iterationsTooHigh(20_000_000)),
        ("pbkdf2-sha256$1000$!!!$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedSalt),
        ("pbkdf2-sha256$1000$$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedSalt),
        ("pbkdf2-sha256$1000$wVwCiewtCpFn7I5loY3rvg$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedSalt),
        ("pbkdf2-sha256$1000$wVwCiewtCpFn7I5loY3rvh==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedSalt),
        ("pbkdf2-sha256$1000$wVwCiewt CpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .malformedSalt),
        ("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAA$Xyfi7doaKiORYSFkcufKYdifmW+7DykjuRCEkOQJReM=", .wrongSaltLength(15)),
        ("pbkdf2-sha256$1000$wVwCiewtCpFn7I5loY3rvg==$Xyfi7doaKiORYSFkcufKYdifmW-7DykjuRCEkOQJReM=", .malformedDigest),
        ("pbkdf2-sha256$1000$wVwCiewtCpFn7I5loY3rvg==$", .malformedDigest),
        ("pbkdf2-sha256$1000$wVwCiewtCpFn7I5loY3rvg==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", .wrongDigestLength(31)),
        (String(repeating: "A", count: 200), .encodingTooLong(length: 200)),
    ])
    func decode_whenMalformed_throwsTheMatchingError(text: String, expected: SecretHashError) {
        #expect(throws: expected) { try SecretHash(encoded: text) }
    }

    @Test func description_mirrorAndReflection_hideSaltAndDigest() throws {
        let stored = try hash("482913", seed: 1)
        var dumped = ""
        dump(stored, to: &dumped)
        #expect(stored.description == "SecretHash(pbkdf2-sha256, 1000 iterations, <redacted>)")
        #expect(String(reflecting: stored) == "SecretHash(pbkdf2-sha256, 1000 iterations, <redacted>)")
        for text in [stored.description, String(reflecting: stored), "\(stored)", dumped] {
            #expect(!text.contains("wVwCiewtCpFn7I5loY3rvg"))
            #expect(!text.contains("Xyfi7doaKiORYSFkcufKYdifmW"))
        }
    }

    @Test func constantTimeEquals_comparesWholeArrays() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(ConstantTime.equals([], []))
        #expect(!ConstantTime.equals([1, 2, 3], [9, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 9]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    }
}
