import Foundation
import KioskHAL
import Testing
@testable import KioskWeb

@Suite struct PrinterHealthTests {
    @Test(arguments: [
        (ReceiptPrinterStatus(device: .online, paper: .ok, cover: .closed, cutter: .ok), ReceiptPrinterAction.none),
        (ReceiptPrinterStatus(device: .online, paper: .nearEnd, cover: .closed, cutter: .ok), .replacePaper),
        (ReceiptPrinterStatus(device: .userError, paper: .out, cover: .closed, cutter: .ok), .replacePaper),
        (ReceiptPrinterStatus(device: .userError, paper: .out, cover: .open, cutter: .ok), .replacePaper),
        (ReceiptPrinterStatus(device: .userError, paper: .ok, cover: .open, cutter: .ok), .closeCover),
        (ReceiptPrinterStatus(device: .hardwareError, paper: .ok, cover: .closed, cutter: .error), .callTechnician),
        (ReceiptPrinterStatus(device: .offline, paper: .unknown, cover: .unknown, cutter: .unknown), .callTechnician),
        (ReceiptPrinterStatus(device: .powerOff, paper: .unknown, cover: .unknown, cutter: .unknown), .callTechnician),
        (ReceiptPrinterStatus(device: .noDevice, paper: .unknown, cover: .unknown, cutter: .unknown), .callTechnician),
        (ReceiptPrinterStatus.unknown, .none),
    ])
    func recommendedAction_followsWhatStopsPrintingFirst(status: ReceiptPrinterStatus, expected: ReceiptPrinterAction) {
        #expect(HealthResponse.Printer.recommendedAction(for: status) == expected)
    }

    @Test func healthPart_carriesTheLastEventWithItsOwnAction_andTheCurrentAction() throws {
        // Given a printer that reported paper out and is now online again with a low roll
        let at = try #require(ISO8601DateFormatter().date(from: "2026-03-02T01:02:03Z"))
        let part = HealthResponse.Printer(PrinterHealthSnapshot(
            id: "printer0", status: ReceiptPrinterStatus(device: .online, paper: .nearEnd, cover: .closed, cutter: .ok),
            lastEvent: (.coverClosed, at)))
        // Then it is ready, names the current action, and the last event keeps its own
        #expect(part.readyToPrint)
        #expect(part.recommendedAction == "Thay giấy")
        #expect(part.recommendedActionEnglish == "Replace the paper")
        #expect(part.lastEvent == .init(event: "coverClosed", at: "2026-03-02T08:02:03.000+07:00", action: "Không cần thao tác"))
    }
}
