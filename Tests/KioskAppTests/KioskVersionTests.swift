import Testing
@testable import KioskApp

@Suite struct KioskVersionTests {
    @Test func version_isSemantic() {
        #expect(KioskVersion.current.split(separator: ".").count == 3)
    }
}
