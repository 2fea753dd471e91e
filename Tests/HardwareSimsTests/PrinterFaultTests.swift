import DeviceProtocols
import Foundation
import Testing
@testable import HardwareSims

private typealias Support = PrinterTestSupport

@Suite struct PrinterFaultTests {
    static let paperOutAfter100Rows = PrinterFaultPlan(
        name: "paper-out", faults: [PrinterScheduledFault(.paperOut, activation: .afterRows(100))])

    @Test func paperOutMidJob_keepsAnIncompletePage_reportsPaperOut_andDropsTheRest() throws {
        // Given a printer whose paper runs out after 100 raster rows
        var core = try EscPosPrinterEmulatorCore(paperWidth: 576, faults: Self.paperOutAfter100Rows)
        let bitmap = try Support.qrBitmap()
        try #require(bitmap.height > 100)
        // When a receipt arrives
        _ = core.receive(try Support.receiptJob(bitmap, maxStripRows: 64).bytes, at: .zero)
        // Then one page is kept: the first 100 rows, uncut and incomplete
        try #require(core.pages.count == 1)
        let page = core.pages[0]
        #expect(!page.isComplete)
        #expect(page.cut == nil)
        #expect(page.height == 100)
        #expect(Array(page.bitmap.rows) == Array(bitmap.packedRows(0..<100)))
        #expect(core.isStopped)
        // And the status says paper out
        let condition = try PrinterCondition(replyBytes: core.receive(Support.allQueries, at: .zero))
        #expect(condition.paper == .out)
        #expect(!condition.online)
        // And the remaining strips, the feed and the cut were dropped
        #expect(core.log.contains { if case .commandDropped(.cut) = $0.event { true } else { false } })
    }

    @Test func afterPaperOut_newPaperAndInit_printAgain() throws {
        // Given a printer stopped by paper out mid-job
        var core = try EscPosPrinterEmulatorCore(paperWidth: 576, faults: Self.paperOutAfter100Rows)
        let bitmap = try Support.qrBitmap()
        _ = core.receive(try Support.receiptJob(bitmap).bytes, at: .zero)
        // When a job arrives before the paper is replaced, then it is dropped
        _ = core.receive(try Support.receiptJob(bitmap).bytes, at: .zero)
        #expect(core.pages.count == 1)
        // When paper is loaded and the job is sent again (it starts with 1B 40)
        core.setPaper(.ok)
        _ = core.receive(try Support.receiptJob(bitmap).bytes, at: .zero)
        // Then it prints whole
        try #require(core.pages.count == 2)
        #expect(core.pages[1].isComplete)
        #expect(core.pages[1].bitmap == (try Support.expectedPage(bitmap, on: core)))
    }

    @Test func coverOpensAfterRows_stopsLikePaperOut_untilClosedAndInit() throws {
        // Given a cover that opens after 10 rows
        let plan = PrinterFaultPlan(faults: [PrinterScheduledFault(.coverOpen, activation: .afterRows(10))])
        var core = try EscPosPrinterEmulatorCore(paperWidth: 576, faults: plan)
        let bitmap = try Support.qrBitmap()
        // When a receipt arrives
        _ = core.receive(try Support.receiptJob(bitmap).bytes, at: .zero)
        // Then 10 rows printed and the status says cover open
        #expect(core.pages.map(\.height) == [10])
        #expect(try PrinterCondition(replyBytes: core.receive(Support.allQueries, at: .zero)).coverOpen)
        // When the cover is closed and the job resent, then it prints
        core.closeCover()
        _ = core.receive(try Support.receiptJob(bitmap).bytes, at: .zero)
        #expect(core.pages.last?.isComplete == true)
    }

    @Test func cutterErrorOnNextCut_keepsThePageUncut_andReportsTheCutter() throws {
        // Given a cutter that fails on the next cut
        let plan = PrinterFaultPlan(faults: [PrinterScheduledFault(.cutterErrorOnNextCut)])
        var core = try EscPosPrinterEmulatorCore(paperWidth: 576, faults: plan)
        // When a receipt prints
        _ = core.receive(try Support.receiptJob(try Support.qrBitmap()).bytes, at: .zero)
        // Then the page is all there but uncut, and n=3 reports the cutter error
        #expect(core.pages.map(\.cut) == [nil])
        #expect(core.pages.map(\.isComplete) == [true])
        let reply = core.receive(EscPosStatusRequest.errorCause.queryBytes, at: .zero)
        #expect(try reply.map { try EscPosStatus(reply: $0, to: .errorCause) }
            == [.errorCause(cutterError: true, unrecoverable: false, autoRecoverable: false)])
    }

    @Test func offlineAfterBytes_answersTheFirstQuery_butNotTheSecond() throws {
        // Given a printer that goes offline after 3 bytes
        let plan = PrinterFaultPlan(faults: [PrinterScheduledFault(.offline, activation: .afterBytes(3))])
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384, faults: plan)
        // When two queries arrive in one write
        let replies = core.receive(EscPosStatusRequest.printer.queryBytes + EscPosStatusRequest.printer.queryBytes, at: .zero)
        // Then only the first is answered
        #expect(replies == [0x12])
    }

    @Test func faultPlan_decodesFromScenarioJSON() throws {
        // Given a scenario as written in Scenarios/*.json
        let json = """
        {"name": "paper-out-mid-receipt", "description": "paper ends inside the QR",
         "faults": [
           {"fault": {"paperNearEnd": {}}, "activation": {"immediately": {}}},
           {"fault": {"paperOut": {}}, "activation": {"afterRows": {"_0": 100}}},
           {"fault": {"slowConsumer": {"maxBytesPerPass": 4, "delayMilliseconds": 20}}, "activation": {"afterBytes": {"_0": 0}}}
         ]}
        """
        // When decoded
        let plan = try JSONDecoder().decode(PrinterFaultPlan.self, from: Data(json.utf8))
        // Then it holds the three faults, and survives a round trip
        #expect(plan.faults == [
            PrinterScheduledFault(.paperNearEnd),
            PrinterScheduledFault(.paperOut, activation: .afterRows(100)),
            PrinterScheduledFault(.slowConsumer(maxBytesPerPass: 4, delayMilliseconds: 20), activation: .afterBytes(0)),
        ])
        #expect(try JSONDecoder().decode(PrinterFaultPlan.self, from: JSONEncoder().encode(plan)) == plan)
        // And installed, near end acts at once while paper out waits for its row
        let core = try EscPosPrinterEmulatorCore(faults: plan)
        #expect(core.paper == .nearEnd)
        #expect(core.readPace == nil)
    }

    @Test func shippedScenario_decodes_andRunsOutInsideTheReceipt() throws {
        // Given the printer scenario shipped in HardwareSims/Scenarios
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HardwareSims/Scenarios/printer-paper-out-mid-receipt.json")
        let plan = try JSONDecoder().decode(PrinterFaultPlan.self, from: Data(contentsOf: url))
        var core = try EscPosPrinterEmulatorCore(paperWidth: 576, faults: plan)
        // When a receipt prints
        _ = core.receive(try Support.receiptJob(try Support.qrBitmap()).bytes, at: .zero)
        // Then it stops after 100 rows with an incomplete page
        #expect(plan.name == "printer-paper-out-mid-receipt")
        #expect(core.pages.map(\.height) == [100])
        #expect(core.pages.map(\.isComplete) == [false])
        #expect(core.paper == .out)
    }
}
