import Testing
@testable import KioskDomain

@Suite struct NationalStatusTests {
    @Test func everyStatusFromOneToTen_hasItsVietnameseLabel() {
        #expect(NationalStatus.allCases.map(\.rawValue) == Array(1...10))
        #expect(NationalStatus.resultReady.vietnameseLabel == "Đã xử lý xong")
        #expect(NationalStatus.resultReturned.vietnameseLabel == "Đã trả kết quả")
        #expect(NationalStatus.financialObligationRequested.vietnameseLabel == "Yêu cầu thực hiện nghĩa vụ tài chính")
    }

    @Test func wireValue_acceptsOnlyOneToTen() {
        #expect(NationalStatus(wireValue: "9") == .resultReady)
        #expect(NationalStatus(wireValue: "0") == nil)
        #expect(NationalStatus(wireValue: "11") == nil)
        #expect(NationalStatus(wireValue: "nine") == nil)
    }
}
