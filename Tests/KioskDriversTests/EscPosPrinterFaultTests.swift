import DeviceProtocols
import HardwareSims
import KioskDrivers
import KioskHAL
import Testing

/// Every fault the printer emulator plays, through the production driver: a job is never
/// reported printed when the paper ran out, the cover opened, the cutter failed or the printer
/// went offline, and each condition surfaces as an event with the action staff should take.
@Suite struct EscPosPrinterFaultTests {
    static func plan(_ fault: PrinterFault, _ activation: PrinterFaultActivation = .immediately) -> PrinterFaultPlan {
        PrinterFaultPlan(faults: [PrinterScheduledFault(fault, activation: activation)])
    }

    @Test func paperOutBeforeTheJob_isNotPrinted_andNothingIsSent() async throws {
        try await EscPosPrinterRig.run { rig throws in
            #expect(await rig.ready())
            await rig.emulator.setPaper(.out)
            #expect(await rig.saw(.paperOut))
            #expect(await rig.printer.status().device == .userError)
            #expect(try await rig.printer.print(try PrinterJobs.pattern(), bound: .seconds(10)) == .notPrinted(.paperOut))
            #expect(await rig.rasterCommandsSeen() == 0)
            #expect(await rig.emulator.pages.isEmpty)
        }
    }

    @Test func paperOutMidJob_isNotPrinted_reportsPaperOut_andPrintsAgainOnceReplaced() async throws {
        try await EscPosPrinterRig.run(faults: Self.plan(.paperOut, .afterRows(100))) { rig throws in
            #expect(await rig.ready())
            // When the paper runs out at row 100 of 300
            let outcome = try await rig.printer.print(try PrinterJobs.pattern(height: 300), bound: .seconds(30))
            // Then the job is void, the event asks for paper, and the page stayed incomplete
            #expect(outcome == .notPrinted(.paperRanOutDuringJob))
            #expect(await rig.saw(.paperOut))
            #expect(ReceiptPrinterEvent.paperOut.recommendedAction == .replacePaper)
            #expect(ReceiptPrinterEvent.paperOut.recommendedAction.vietnamese == "Thay giấy")
            let page = try #require(await rig.emulator.pages.first)
            #expect(!page.isComplete && page.cut == nil)
            #expect(await rig.printer.status().paper == .out)
            // When a new roll goes in, Then the printer comes back online and prints
            await rig.emulator.setPaper(.ok)
            #expect(await rig.ready())
            let again = try PrinterJobs.pattern(id: "reprint", height: 120)
            #expect(try await rig.printer.print(again, bound: .seconds(30)) == .printed)
            let pages = await rig.emulator.pages
            #expect(pages.count == 2 && pages[1].shows(again))
        }
    }

    @Test func coverOpen_refusesTheJob_andOpeningAndClosingAreReported() async throws {
        try await EscPosPrinterRig.run { rig throws in
            #expect(await rig.ready())
            await rig.emulator.openCover()
            #expect(await rig.saw(.coverOpened))
            #expect(ReceiptPrinterEvent.coverOpened.recommendedAction == .closeCover)
            #expect(await rig.printer.status().cover == .open)
            #expect(try await rig.printer.print(try PrinterJobs.pattern(), bound: .seconds(10)) == .notPrinted(.coverOpen))
            #expect(await rig.rasterCommandsSeen() == 0)
            await rig.emulator.closeCover()
            #expect(await rig.saw(.coverClosed))
            #expect(await rig.ready())
        }
    }

    @Test func coverOpenedMidJob_isNotPrinted() async throws {
        try await EscPosPrinterRig.run(faults: Self.plan(.coverOpen, .afterRows(40))) { rig throws in
            #expect(await rig.ready())
            #expect(try await rig.printer.print(try PrinterJobs.pattern(height: 200), bound: .seconds(30)) == .notPrinted(.coverOpen))
            #expect(await rig.saw(.coverOpened))
        }
    }

    @Test func cutterError_isNotPrinted_reportsCutterError_andCallsATechnician() async throws {
        try await EscPosPrinterRig.run(faults: Self.plan(.cutterErrorOnNextCut)) { rig throws in
            #expect(await rig.ready())
            #expect(try await rig.printer.print(try PrinterJobs.pattern(height: 60), bound: .seconds(30)) == .notPrinted(.cutterError))
            #expect(await rig.saw(.cutterError))
            #expect(ReceiptPrinterEvent.cutterError.recommendedAction.vietnamese == "Gọi kỹ thuật")
            let status = await rig.printer.status()
            #expect(status.device == .hardwareError && status.cutter == .error)
            // Then the next job is refused before sending
            #expect(try await rig.printer.print(try PrinterJobs.pattern(height: 10), bound: .seconds(10)) == .notPrinted(.cutterError))
        }
    }

    @Test func offline_printerThatDoesNotAnswer_isNotPrinted_andReportedOffline() async throws {
        try await EscPosPrinterRig.run { rig throws in
            #expect(await rig.ready())
            await rig.emulator.setOnline(false)
            #expect(await rig.saw(.offline))
            #expect(await rig.printer.status().device == .offline)
            #expect(try await rig.printer.print(try PrinterJobs.pattern(), bound: .seconds(10)) == .notPrinted(.offline))
            #expect(await rig.rasterCommandsSeen() == 0)
            await rig.emulator.setOnline(true)
            #expect(await rig.eventually { await rig.log.events.last == .online })
        }
    }

    @Test func offlineMidJob_noConfirmationWithinTheBound_isNotPrinted() async throws {
        try await EscPosPrinterRig.run(faults: Self.plan(.offline, .afterBytes(10_000))) { rig throws in
            #expect(await rig.ready())
            // Idle polls send 12 bytes each; the 21 600-byte picture passes byte 10 000
            let outcome = try await rig.printer.print(try PrinterJobs.pattern(height: 300), bound: .seconds(3))
            #expect(outcome == .notPrinted(.timedOut))
            #expect(await rig.saw(.offline))
            #expect(await rig.printer.status().device != .online)
        }
    }

    @Test func paperNearEnd_stillPrints_andAsksForPaperSoon() async throws {
        try await EscPosPrinterRig.run(faults: Self.plan(.paperNearEnd)) { rig throws in
            #expect(await rig.ready())
            #expect(try await rig.printer.print(try PrinterJobs.pattern(height: 80), bound: .seconds(30)) == .printed)
            #expect(await rig.saw(.paperLow))
            #expect(ReceiptPrinterEvent.paperLow.recommendedAction == .replacePaper)
            let status = await rig.printer.status()
            #expect(status.paper == .nearEnd && status.device == .online)
        }
    }

    @Test func slowConsumer_thatKeepsTakingBytes_isStillPrinted() async throws {
        // The printer reads 64 bytes per pass with pauses, behind a 128-byte pipe: every chunk
        // write has to wait for the printer many times.
        let slow = Self.plan(.slowConsumer(maxBytesPerPass: 64, delayMilliseconds: 1))
        try await EscPosPrinterRig.run(faults: slow, capacity: 128) { rig throws in
            #expect(await rig.ready())
            let job = try PrinterJobs.pattern(height: 120)
            #expect(try await rig.printer.print(job, bound: .seconds(60)) == .printed)
            let page = try #require(await rig.emulator.pages.first)
            #expect(page.shows(job))
            #expect(await rig.emulator.snapshot.readPace != nil)
        }
    }
}
