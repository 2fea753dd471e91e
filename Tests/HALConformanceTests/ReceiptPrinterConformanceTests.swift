import DeviceProtocols
import HardwareSims
import KioskDrivers
import KioskHAL
import Testing

/// What every `ReceiptPrinter` must do, run against the production ESC/POS driver in front of
/// the printer emulator over an in-memory stream, a real PTY and a real TCP connection.
@Suite struct ReceiptPrinterConformanceTests {
    /// A 576×`height` picture: a frame, two diagonals and a band per 16 rows.
    static func picture(height: Int) throws -> GreyImage {
        var image = try GreyImage(width: 576, height: height)
        image.fillRectangle(x: 0, y: 0, width: 576, height: 2, value: GreyImage.black)
        image.fillRectangle(x: 0, y: height - 2, width: 576, height: 2, value: GreyImage.black)
        for y in 0..<height {
            image.fillRectangle(x: (y * 5) % 576, y: y, width: 3, height: 1, value: GreyImage.black)
            image.fillRectangle(x: 575 - (y * 2) % 576, y: y, width: 1, height: 1, value: GreyImage.black)
            if y % 16 < 4 { image.fillRectangle(x: 100, y: y, width: 40, height: 1, value: GreyImage.black) }
        }
        return image
    }

    @Test(arguments: PrinterTransport.allCases)
    func print_isConfirmed_andThePrinterHoldsThePageOfTheJobsRaster(_ transport: PrinterTransport) async throws {
        try await ReceiptPrinterRig.with(transport) { rig throws in
            #expect(await rig.ready())
            let job = try ReceiptPrinterRig.job(id: "conformance", image: try Self.picture(height: 420))
            #expect(try await rig.printer.print(job, bound: .seconds(30)) == .printed)
            let pages = await rig.emulator.pages
            #expect(pages.count == 1)
            let page = try #require(pages.first)
            #expect(page.shows(job))
            #expect(page.isComplete && page.cut == .partial)
        }
    }

    @Test(arguments: PrinterTransport.allCases)
    func status_isASnapshotOfAReadyPrinter_withItsCapabilities(_ transport: PrinterTransport) async throws {
        try await ReceiptPrinterRig.with(transport, paperWidth: 384) { rig throws in
            #expect(await rig.ready())
            #expect(await rig.printer.status() == ReceiptPrinterStatus(device: .online, paper: .ok, cover: .closed, cutter: .ok))
            #expect(rig.printer.capabilities.paperWidthDots == 384)
            #expect(rig.printer.capabilities.hasCutter)
            #expect(await rig.saw(.online))
        }
    }

    @Test(arguments: PrinterTransport.allCases)
    func paperOut_duringAJob_isNotPrinted_andReported(_ transport: PrinterTransport) async throws {
        let plan = PrinterFaultPlan(name: "paper-out", faults: [PrinterScheduledFault(.paperOut, activation: .afterRows(150))])
        try await ReceiptPrinterRig.with(transport, faults: plan) { rig throws in
            #expect(await rig.ready())
            let job = try ReceiptPrinterRig.job(id: "void", image: try Self.picture(height: 400))
            #expect(try await rig.printer.print(job, bound: .seconds(30)) == .notPrinted(.paperRanOutDuringJob))
            #expect(await rig.saw(.paperOut))
            #expect(await rig.printer.status().device == .userError)
            // The next job is refused before anything is sent
            let before = await rig.emulator.snapshot.rasterRowsPrinted
            #expect(try await rig.printer.print(job, bound: .seconds(10)) == .notPrinted(.paperOut))
            #expect(await rig.emulator.snapshot.rasterRowsPrinted == before)
        }
    }

    @Test(arguments: PrinterTransport.allCases)
    func coverOpenAndClose_areReported_andTheCoverBlocksPrinting(_ transport: PrinterTransport) async throws {
        try await ReceiptPrinterRig.with(transport) { rig throws in
            #expect(await rig.ready())
            await rig.emulator.openCover()
            #expect(await rig.saw(.coverOpened))
            let job = try ReceiptPrinterRig.job(id: "cover", image: try Self.picture(height: 40))
            #expect(try await rig.printer.print(job, bound: .seconds(10)) == .notPrinted(.coverOpen))
            await rig.emulator.closeCover()
            #expect(await rig.saw(.coverClosed))
            #expect(await rig.ready())
            #expect(try await rig.printer.print(job, bound: .seconds(30)) == .printed)
        }
    }

    @Test(arguments: PrinterTransport.allCases)
    func unplugAndReplug_areReported_andPrintingResumes(_ transport: PrinterTransport) async throws {
        try await ReceiptPrinterRig.with(transport) { rig throws in
            #expect(await rig.ready())
            let seen = await rig.log.events.count
            await rig.port.unplug()
            #expect(await rig.saw(.unplugged, since: seen))
            #expect(await rig.eventually { await rig.printer.status().device == .powerOff })
            let lost = await rig.log.events.count
            await rig.port.replug()
            #expect(await rig.saw(.online, since: lost))
            #expect(await rig.ready())
            let job = try ReceiptPrinterRig.job(id: "after-replug", image: try Self.picture(height: 64))
            #expect(try await rig.printer.print(job, bound: .seconds(30)) == .printed)
            let page = try #require(await rig.emulator.pages.last)
            #expect(page.shows(job))
        }
    }
}
