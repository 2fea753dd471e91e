import Foundation
import Testing
@testable import KioskHAL

@Suite struct ReceiptPrinterContractTests {
    @Test func events_recommendTheActionStaffShouldTake() {
        // Given every event, When its action is read, Then paper events ask for paper,
        // mechanical and connection faults for a technician, recoveries for nothing
        let expected: [ReceiptPrinterEvent: ReceiptPrinterAction] = [
            .paperLow: .replacePaper, .paperOut: .replacePaper,
            .coverOpened: .closeCover, .coverClosed: .none,
            .cutterError: .callTechnician, .offline: .callTechnician, .unplugged: .callTechnician,
            .online: .none,
        ]
        for event in ReceiptPrinterEvent.allCases {
            #expect(event.recommendedAction == expected[event], "\(event)")
        }
    }

    @Test func actions_areWordedInVietnameseFirstAndEnglish() {
        #expect(ReceiptPrinterAction.replacePaper.vietnamese == "Thay giấy")
        #expect(ReceiptPrinterAction.replacePaper.english == "Replace the paper")
        #expect(ReceiptPrinterAction.callTechnician.vietnamese == "Gọi kỹ thuật")
        #expect(ReceiptPrinterAction.callTechnician.english == "Call a technician")
        for action in ReceiptPrinterAction.allCases {
            // Vietnamese text is stored precomposed (NFC)
            #expect(action.vietnamese.unicodeScalars.count == action.vietnamese.precomposedStringWithCanonicalMapping.unicodeScalars.count)
        }
    }

    @Test func status_unknown_isNotReady_andReadyNeedsEveryPartKnownGood() {
        #expect(!ReceiptPrinterStatus.unknown.isReadyToPrint)
        let ready = ReceiptPrinterStatus(device: .online, paper: .nearEnd, cover: .closed, cutter: .absent)
        #expect(ready.isReadyToPrint)
        var paperOut = ready
        paperOut.paper = .out
        #expect(!paperOut.isReadyToPrint)
        var coverUnknown = ready
        coverUnknown.cover = .unknown
        #expect(!coverUnknown.isReadyToPrint)
    }

    @Test func printJob_whenRowsMatchTheSize_isAccepted() throws {
        // Given 10×3 dots: two bytes per row
        let job = try ReceiptPrintJob(id: "r-1", widthDots: 10, heightDots: 3, packedRows: [UInt8](repeating: 0, count: 6))
        #expect(job.finish == .partialCut)
        #expect(job.heightDots == 3)
    }

    @Test func printJob_whenSizesAreWrong_throwsTypedErrors() {
        #expect(throws: ReceiptPrintJobError.bufferSizeMismatch(expected: 6, actual: 5)) {
            try ReceiptPrintJob(id: "r", widthDots: 10, heightDots: 3, packedRows: [0, 0, 0, 0, 0])
        }
        #expect(throws: ReceiptPrintJobError.emptyDimension(widthDots: 0, heightDots: 3)) {
            try ReceiptPrintJob(id: "r", widthDots: 0, heightDots: 3, packedRows: [])
        }
        #expect(throws: ReceiptPrintJobError.tooWide(widthDots: 65_536 * 8)) {
            try ReceiptPrintJob(id: "r", widthDots: 65_536 * 8, heightDots: 1, packedRows: [])
        }
    }

    @Test func outcome_whenPaperRanOutDuringJob_isNotPrinted() {
        let outcome = ReceiptPrintOutcome.notPrinted(.paperRanOutDuringJob)
        #expect(outcome != .printed)
    }

    @Test func capabilities_widthInMillimetres_followsDotsAndDpi() {
        let caps = ReceiptPrinterCapabilities(paperWidthDots: 576, dotsPerInch: 203, hasCutter: true, reportsPaperNearEnd: true)
        #expect(abs(caps.paperWidthMillimetres - 72.07) < 0.01)
    }
}
