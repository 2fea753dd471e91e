import Foundation
import KioskDomain
import KioskStore
import Testing
@testable import KioskSync

@Suite struct PickupVerifierTests {
    @Test func aSyncedCodeHash_authenticatesOffline_andAWithdrawalRefusesEvenTheRightCode() async throws {
        try await withSyncDatabase { database throws in
            // Given a manifest dossier with a pickup code hash
            let code = try DossierCode(validating: "000.28.21.H28-251107-0012")
            let hash = try SecretHash(hashing: "482913", iterations: SecretHash.minimumIterations)
            var item = ManifestTranslationTests.dossier(code.rawValue, change: 1)
            item.kiosk.pickupCodeHash = .init(encoded: hash.encoded)
            let entry = try ManifestTranslation.entry(item).get()
            try await database.applyManifestPage([entry], cursor: "c1", at: ManifestTranslationTests.now)
            let verifier = PickupVerifier(database: database)
            let now = ManifestTranslationTests.now
            // Then the right code is accepted, a wrong one refused, and after the deadline it is expired
            #expect(try await verifier.check(PickupCode("482913"), for: code, at: now) == .accepted)
            #expect(try await verifier.check(PickupCode("482914"), for: code, at: now) == .wrongCode)
            #expect(try await verifier.check(PickupCode("482913"), for: code, at: now + 8 * 86_400)
                == .expired(now + 7 * 86_400))
            // When the backend withdraws it, even the right code is refused
            try await database.applyManifestPage(
                [ManifestEntry(code: code, version: 2, content: .withdrawn)], cursor: "c2", at: now)
            #expect(try await verifier.check(PickupCode("482913"), for: code, at: now) == .withdrawn)
            let unknown = try DossierCode(validating: "000.28.21.H28-251107-0099")
            #expect(try await verifier.check(PickupCode("482913"), for: unknown, at: now) == .noCode)
        }
    }
}
