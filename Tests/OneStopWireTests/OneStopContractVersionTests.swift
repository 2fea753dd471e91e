import OneStopWire
import Testing

@Suite struct OneStopContractVersionTests {
    @Test func contractVersionIsSemantic() {
        let parts = OneStopContractVersion.current.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { Int($0) != nil })
    }
}
