import OneStopSim
import OneStopWire
import Testing

@Suite struct OneStopSimVersionTests {
    @Test func simulatorServesTheWireContractVersion() {
        #expect(OneStopSimVersion.contract == OneStopContractVersion.current)
    }
}
