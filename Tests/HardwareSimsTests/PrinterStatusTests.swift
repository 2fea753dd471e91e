import DeviceProtocols
import Testing
@testable import HardwareSims

private typealias Support = PrinterTestSupport

@Suite struct PrinterStatusTests {
    /// One combination of the physical state the control API can set.
    struct State: Sendable, CustomStringConvertible {
        var paper: PrinterCondition.Paper
        var coverOpen: Bool
        var cutterError: Bool
        var description: String { "paper \(paper) cover \(coverOpen) cutter \(cutterError)" }
    }

    static let allStates: [State] = PrinterCondition.Paper.allCases.flatMap { paper in
        [false, true].flatMap { cover in [false, true].map { State(paper: paper, coverOpen: cover, cutterError: $0) } }
    }

    @Test(arguments: allStates)
    func statusReplies_decodeToTheStateTheControlApiSet(state: State) throws {
        // Given a printer put into `state` through the control API
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384)
        core.setPaper(state.paper)
        if state.coverOpen { core.openCover() }
        core.setCutterError(state.cutterError)
        // When the host asks 10 04 1 … 10 04 4
        let replies = core.receive(Support.allQueries, at: .zero)
        // Then each reply has the fixed pattern and together they decode to that state
        #expect(replies.allSatisfy(EscPosStatus.hasReplyPattern))
        let condition = try PrinterCondition(replyBytes: replies)
        #expect(condition.paper == state.paper)
        #expect(condition.coverOpen == state.coverOpen)
        #expect(condition.cutterError == state.cutterError)
        #expect(condition.error == state.cutterError)
        let healthy = state.paper != .out && !state.coverOpen && !state.cutterError
        #expect(condition.online == healthy)
        #expect(condition.isReadyToPrint == healthy)
    }

    @Test func idlePrinter_answersTheCanonicalReadyBytes() throws {
        // Given a fresh printer
        var core = try EscPosPrinterEmulatorCore()
        // When all four queries arrive
        let replies = core.receive(Support.allQueries, at: .zero)
        // Then the bytes are the bare fixed pattern 0x12 four times
        #expect(replies == [0x12, 0x12, 0x12, 0x12])
    }

    @Test func paperNearEnd_setsBothSensorBits_andStillPrints() throws {
        // Given a printer whose roll runs low
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384)
        core.setPaper(.nearEnd)
        // When asked 10 04 4 and sent a small job
        let reply = core.receive(EscPosStatusRequest.paperSensor.queryBytes, at: .zero)
        _ = core.receive(EscPosCommand.feedLines(1).bytes + EscPosCommand.cut(EscPosCut(.full)).bytes, at: .zero)
        // Then the reply is 0x1E (bits 2+3) and the job printed
        #expect(reply == [0x1E])
        #expect(try EscPosStatus(reply: 0x1E, to: .paperSensor) == .paperSensor(nearEnd: true, paperEnd: false))
        #expect(core.pages.count == 1)
    }

    @Test(arguments: EscPosStatusRequest.allCases)
    func offlinePrinter_answersNoQuery(request: EscPosStatusRequest) throws {
        // Given an offline printer
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384)
        core.setOnline(false)
        // When asked
        let replies = core.receive(request.queryBytes, at: .zero)
        // Then nothing comes back, and the log says why
        #expect(replies.isEmpty)
        #expect(core.log.last?.event == .statusUnanswered(request))
    }

    @Test func queryInsideImageData_isAnswered_likeARealPrinter() throws {
        // Given a strip whose data happens to contain 10 04 04
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384)
        core.setPaper(.nearEnd)
        let strip = try MonoBitmap(width: 24, height: 1, packedRows: [0x10, 0x04, 0x04])
        // When it arrives
        let replies = core.receive(EscPosCommand.rasterImage(strip, scale: .normal).bytes, at: .zero)
        // Then the printer answers the query and still prints the strip's dots
        #expect(replies == [0x1E])
        _ = core.receive(EscPosCommand.cut(EscPosCut(.full)).bytes, at: .zero)
        #expect(try core.page(0).bitmap.blackDotCount == 3)
    }

    @Test func queryInsideImageData_isIgnored_whenNotConfigured() throws {
        // Given a printer made not to answer queries found in image data
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384, answersQueriesInImageData: false)
        let strip = try MonoBitmap(width: 24, height: 1, packedRows: [0x10, 0x04, 0x04])
        // When the strip arrives, then no reply is sent
        #expect(core.receive(EscPosCommand.rasterImage(strip, scale: .normal).bytes, at: .zero).isEmpty)
    }
}
