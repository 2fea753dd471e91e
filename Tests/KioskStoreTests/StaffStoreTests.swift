import Foundation
import KioskDomain
import Testing
@testable import KioskStore

@Suite struct StaffStoreTests {
    @Test func savedStaff_comesBackWithRoles_andIsJournalled() async throws {
        try await withDatabase { database throws in
            let record = StaffRecord(id: "cb01", displayName: "Trần Thị Mai", pinHash: "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==",
                                     updatedAt: Fixture.now)
            try await database.saveStaff(record, roles: [.staff, .technician], by: "admin:ad01", at: Fixture.now)
            let found = try #require(try await database.staffIdentity(id: "cb01"))
            #expect(found.identity.roles == [.staff, .technician])
            #expect(found.pinHash == record.pinHash)
            let entry = try #require(try await database.journalEntries().last)
            #expect(entry.kind == "staff.saved")
            #expect(entry.actor == "admin:ad01")
            #expect(!entry.payload.contains("pbkdf2"))
        }
    }

    @Test func staffWithoutRoles_isRefused_andInactiveStaffCannotBeFound() async throws {
        try await withDatabase { database throws in
            let record = StaffRecord(id: "cb02", displayName: "Lê Văn Nam", pinHash: "h", active: false, updatedAt: Fixture.now)
            await #expect(throws: StoreError.conflict("staff cb02 has no role")) {
                try await database.saveStaff(record, roles: [], by: "admin:ad01", at: Fixture.now)
            }
            try await database.saveStaff(record, roles: [.staff], by: "admin:ad01", at: Fixture.now)
            #expect(try await database.staffIdentity(id: "cb02") == nil)
        }
    }
}
