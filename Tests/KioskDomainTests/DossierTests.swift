import Foundation
import Testing
@testable import KioskDomain

@Suite struct DossierTests {
    @Test func dossier_refusesNegativeFeesAndBadIdSuffixes() throws {
        let code = try Fixture.dossierCode()
        let procedure = try Fixture.procedureCode()
        func make(fee: Int = 0, last4: String? = "1234", name: String = "Cấp phép") throws(DossierError) -> Dossier {
            try Dossier(
                code: code, procedureCode: procedure, procedureName: name, nationalStatus: .resultReady,
                ownerNameMasked: "N** Văn A", ownerIdLast4: last4, phoneMasked: nil, dueAt: nil, feeDue: fee,
                requiredSize: .medium, inPersonOnly: false)
        }
        // Given manifest entries with a negative fee, a bad ID suffix, a blank name
        // When dossiers are built
        // Then each is refused with its reason, and a good one is releasable
        #expect(throws: DossierError.negativeFee(-5)) { try make(fee: -5) }
        #expect(throws: DossierError.invalidIdLast4) { try make(last4: "12a4") }
        #expect(throws: DossierError.invalidIdLast4) { try make(last4: "12345") }
        #expect(throws: DossierError.blankProcedureName) { try make(name: "  ") }
        #expect(try make(last4: nil).isReleasableByKiosk)
        #expect(try !Fixture.dossier(inPersonOnly: true).isReleasableByKiosk)
    }
}
