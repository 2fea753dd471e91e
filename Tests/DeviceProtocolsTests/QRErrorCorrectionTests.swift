import Testing
@testable import DeviceProtocols

@Suite struct QRErrorCorrectionTests {
    @Test func levels_matchLibqrencodeNumbering() {
        #expect(QRErrorCorrection.allCases.map(\.rawValue) == [0, 1, 2, 3])
    }
}
