import Testing
@testable import KioskStore

@Suite struct StoreErrorTests {
    @Test func conflicts_compareByTheirReason() {
        #expect(StoreError.conflict("a") != StoreError.conflict("b"))
    }
}
