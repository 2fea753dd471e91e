import Foundation
import KioskDomain
import KioskStore
import OneStopWire
import Testing
@testable import KioskSync

@Suite struct ManifestTranslationTests {
    static let now = Date(timeIntervalSince1970: 1_762_930_025)

    static func dossier(_ code: String, change: Int64, hash: OneStopSecretHash? = nil, fee: Int64 = 0) -> OneStopManifestDossier {
        OneStopManifestDossier(
            dossierCode: code, procedureCode: "1.001612", procedureName: "Đăng ký thành lập hộ kinh doanh",
            maskedOwnerName: "Nguyễn T** Thu Hà", maskedOwnerIDNumber: "********4821", maskedPhoneNumber: "09******68",
            status: .resultReady, receivedAt: now, appointmentAt: now + 86_400, fees: [], resultPapers: [],
            kiosk: OneStopKioskDetails(
                slotSize: .medium, authenticationMethods: [], inPersonReceiptRequired: false, feesDue: fee,
                pickupCodeHash: hash, pickupDeadline: now + 7 * 86_400, changeNumber: change))
    }

    @Test func aPage_becomesEntriesInVersionOrder_withTombstonesAndTheDomainRulesChecked() throws {
        let secret = try SecretHash(hashing: "482913", iterations: SecretHash.minimumIterations)
        let wireHash = try #require(OneStopSecretHash(encoded: secret.encoded))
        let page = OneStopManifestPage(
            cursor: "c9", hasMore: true,
            dossiers: [Self.dossier("000.28.21.H28-251107-0012", change: 7, hash: wireHash, fee: 100_000)],
            tombstones: [OneStopTombstone(dossierCode: "000.28.21.H28-251107-0013", reason: .withdrawn, changeNumber: 5)])
        let pulled = try ManifestTranslation.page(page).get()
        #expect(pulled.summary == PageSummary(nextCursor: "c9", hasMore: true, entryCount: 2))
        #expect(pulled.entries.map(\.version) == [5, 7])
        #expect(pulled.entries[0].content == .withdrawn)
        guard case .live(let live) = pulled.entries[1].content else {
            Issue.record("expected a live dossier")
            return
        }
        #expect(live.dossier.feeDue == 100_000)
        #expect(live.dossier.requiredSize == .medium)
        #expect(live.dossier.ownerIdLast4 == "4821")
        #expect(live.pickupCodeHash?.verify("482913") == true)
    }

    @Test func oneBadItem_makesThePageMalformed_namingTheFieldButNotTheValue() {
        var bad = Self.dossier("000.28.21.H28-251107-0012", change: 1)
        bad.procedureCode = "SECRET-VALUE"
        let page = OneStopManifestPage(
            cursor: "c1", hasMore: false, dossiers: [Self.dossier("000.28.21.H28-251107-0011", change: 1), bad],
            tombstones: [])
        guard case .failure(.malformed(let detail)) = ManifestTranslation.page(page) else {
            Issue.record("expected a malformed page")
            return
        }
        #expect(detail.contains("DanhSach[1]"))
        #expect(detail.contains("MaTTHC"))
        #expect(!detail.contains("SECRET-VALUE"))
    }

    @Test func aPickupHashOutsideTheAcceptedBounds_isRefused() {
        let forged = OneStopSecretHash(iterations: 999_999_999, salt: "AAAAAAAAAAAAAAAAAAAAAA==", hash: "AA==")
        let page = OneStopManifestPage(
            cursor: "c1", hasMore: false, dossiers: [Self.dossier("000.28.21.H28-251107-0011", change: 1, hash: forged)],
            tombstones: [])
        guard case .failure(.malformed(let detail)) = ManifestTranslation.page(page) else {
            Issue.record("expected a malformed page")
            return
        }
        #expect(detail.contains("MaNhan"))
    }
}
