import DeviceProtocols
import KioskDrivers
import KioskHAL
import Testing

/// The printer driver's decisions without I/O: status mapping, events on transitions, whether a
/// job may start, and a job's outcome from the status read after it.
@Suite struct EscPosPrinterStateTests {
    static let withCutter = ReceiptPrinterCapabilities(paperWidthDots: 576, dotsPerInch: 203, hasCutter: true, reportsPaperNearEnd: true)
    static let bare = ReceiptPrinterCapabilities(paperWidthDots: 384, dotsPerInch: 203, hasCutter: false, reportsPaperNearEnd: false)

    static func condition(
        online: Bool = true, cover: Bool = false, paper: PrinterCondition.Paper = .ok, cutter: Bool = false, fatal: Bool = false
    ) -> PrinterCondition {
        PrinterCondition(online: online, coverOpen: cover, paper: paper, error: cutter,
                         cutterError: cutter, unrecoverable: fatal, autoRecoverable: false)
    }

    @Test func statusMapping_followsTheXFSDeviceStates() {
        let state = EscPosPrinterState(capabilities: Self.withCutter)
        #expect(state.status(for: Self.condition()) == ReceiptPrinterStatus(device: .online, paper: .ok, cover: .closed, cutter: .ok))
        #expect(state.status(for: Self.condition(online: false, paper: .out)).device == .userError)
        #expect(state.status(for: Self.condition(online: false, cover: true)).device == .userError)
        #expect(state.status(for: Self.condition(online: false, cutter: true)).device == .hardwareError)
        #expect(state.status(for: Self.condition(fatal: true)).device == .hardwareError)
        #expect(state.status(for: Self.condition(online: false)).device == .offline)
        #expect(state.status(for: Self.condition(paper: .nearEnd)) == ReceiptPrinterStatus(device: .online, paper: .nearEnd, cover: .closed, cutter: .ok))
    }

    @Test func statusMapping_withoutCutterOrNearEndSensor_reportsAbsentCutterAndPlainPaper() {
        let state = EscPosPrinterState(capabilities: Self.bare)
        let status = state.status(for: Self.condition(paper: .nearEnd))
        #expect(status == ReceiptPrinterStatus(device: .online, paper: .ok, cover: .closed, cutter: .absent))
    }

    @Test func transitions_publishOneEventPerChange_inAFixedOrder() {
        var state = EscPosPrinterState(capabilities: Self.withCutter)
        #expect(state.status.device == .starting)
        #expect(state.observe(Self.condition()) == [.online])
        #expect(state.observe(Self.condition()) == [])
        #expect(state.observe(Self.condition(paper: .nearEnd)) == [.paperLow])
        #expect(state.observe(Self.condition(online: false, cover: true, paper: .out)) == [.paperOut, .coverOpened])
        #expect(state.observe(Self.condition(online: false, paper: .out)) == [.coverClosed])
        #expect(state.observe(Self.condition(online: false)) == [.offline])
        #expect(state.observe(Self.condition()) == [.online])
        #expect(state.observe(Self.condition(online: false, cutter: true)) == [.cutterError])
        #expect(state.observe(Self.condition(online: false, cutter: true)) == [])
    }

    @Test func noReply_isOfflineWithUnknownParts_publishedOnce() {
        var state = EscPosPrinterState(capabilities: Self.withCutter)
        _ = state.observe(Self.condition())
        #expect(state.observeNoReply() == [.offline])
        #expect(state.observeNoReply() == [])
        #expect(state.status == ReceiptPrinterStatus(device: .offline, paper: .unknown, cover: .unknown, cutter: .unknown))
        #expect(state.observe(Self.condition()) == [.online])
    }

    @Test func unplug_isPowerOff_publishedOncePerLoss_andOpenFailuresStayQuiet() {
        var state = EscPosPrinterState(capabilities: Self.withCutter)
        state.observeOpenFailure()
        #expect(state.status.device == .noDevice)
        #expect(state.observeUnplugged() == [])
        _ = state.observe(Self.condition())
        #expect(state.observeUnplugged() == [.unplugged])
        #expect(state.observeUnplugged() == [])
        state.observeOpenFailure()
        #expect(state.status.device == .powerOff)
        #expect(state.observe(Self.condition()) == [.online])
    }

    @Test func preflight_refusesEveryNotReadyCondition_withItsReason() {
        let state = EscPosPrinterState(capabilities: Self.withCutter)
        #expect(state.preflight(Self.condition()) == nil)
        #expect(state.preflight(Self.condition(paper: .nearEnd)) == nil)
        #expect(state.preflight(Self.condition(online: false, paper: .out)) == .paperOut)
        #expect(state.preflight(Self.condition(online: false, cover: true)) == .coverOpen)
        #expect(state.preflight(Self.condition(online: false, cutter: true)) == .cutterError)
        #expect(state.preflight(Self.condition(online: false)) == .offline)
        #expect(state.preflight(Self.condition(fatal: true)) == .offline)
    }

    @Test func outcome_isPrintedOnlyForAReadyPrinter_andNeverAfterPaperCoverCutterOrOffline() {
        let state = EscPosPrinterState(capabilities: Self.withCutter)
        #expect(state.outcome(after: Self.condition()) == .printed)
        #expect(state.outcome(after: Self.condition(paper: .nearEnd)) == .printed)
        #expect(state.outcome(after: Self.condition(online: false, paper: .out)) == .notPrinted(.paperRanOutDuringJob))
        #expect(state.outcome(after: Self.condition(online: false, cover: true)) == .notPrinted(.coverOpen))
        #expect(state.outcome(after: Self.condition(online: false, cutter: true)) == .notPrinted(.cutterError))
        #expect(state.outcome(after: Self.condition(online: false)) == .notPrinted(.offline))
        #expect(state.outcome(after: Self.condition(fatal: true)) == .notPrinted(.offline))
    }

    @Test func stoppedWithoutCause_isOnlyOfflineWithNothingNamed() {
        #expect(EscPosPrinterState.isStoppedWithoutCause(Self.condition(online: false)))
        #expect(!EscPosPrinterState.isStoppedWithoutCause(Self.condition()))
        #expect(!EscPosPrinterState.isStoppedWithoutCause(Self.condition(online: false, paper: .out)))
        #expect(!EscPosPrinterState.isStoppedWithoutCause(Self.condition(online: false, cover: true)))
        #expect(!EscPosPrinterState.isStoppedWithoutCause(Self.condition(online: false, cutter: true)))
    }

    @Test func refusal_ofAJobWiderThanThePaper_namesBothWidths() throws {
        let state = EscPosPrinterState(capabilities: Self.bare)
        let wide = try ReceiptPrintJob(id: "w", widthDots: 392, heightDots: 1, packedRows: [UInt8](repeating: 0, count: 49))
        let fits = try ReceiptPrintJob(id: "f", widthDots: 384, heightDots: 1, packedRows: [UInt8](repeating: 0, count: 48))
        #expect(state.refusal(of: wide) == .tooWide(jobDots: 392, paperDots: 384))
        #expect(state.refusal(of: fits) == nil)
    }
}
