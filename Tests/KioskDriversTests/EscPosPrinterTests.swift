import DeviceProtocols
import DeviceTransports
import HardwareSims
import KioskDrivers
import KioskHAL
import Testing

/// The ESC/POS printer driver against the printer emulator over in-memory streams: printing,
/// one job at a time, refusals, unplug and reconnect.
@Suite struct EscPosPrinterTests {
    @Test func print_onAReadyPrinter_isConfirmed_andThePageIsTheJobsPicture() async throws {
        try await EscPosPrinterRig.run { rig throws in
            #expect(await rig.ready())
            let job = try PrinterJobs.pattern(height: 300)
            // When a job is printed
            let outcome = try await rig.printer.print(job, bound: .seconds(30))
            // Then it is confirmed, and the emulator holds exactly that picture, cut partially
            #expect(outcome == .printed)
            let pages = await rig.emulator.pages
            let page = try #require(pages.first)
            #expect(pages.count == 1)
            #expect(page.shows(job))
            #expect(page.cut == .partial)
            #expect(page.isComplete)
            #expect(await rig.saw(.online))
            #expect(await rig.printer.status() == ReceiptPrinterStatus(device: .online, paper: .ok, cover: .closed, cutter: .ok))
        }
    }

    @Test func print_whenTheRasterContainsStatusQueryBytes_countsTheStrayRepliesAndIsConfirmed() async throws {
        try await EscPosPrinterRig.run { rig throws in
            #expect(await rig.ready())
            // Given a picture whose rows contain 10 04 01 … 10 04 04, which the printer answers
            let stride = 72
            var rows = [UInt8](repeating: 0, count: stride * 40)
            for row in 0..<40 {
                let n = UInt8(row % 4 + 1)
                rows.replaceSubrange((row * stride + 10)..<(row * stride + 13), with: [0x10, 0x04, n])
            }
            let job = try ReceiptPrintJob(id: "strays", widthDots: 576, heightDots: 40, packedRows: rows, feedLines: 1)
            let plan = try EscPosJobPlan(job: job, capabilities: rig.printer.capabilities)
            #expect(plan.strayStatusReplies == 40)
            // When it is printed twice, Then both are confirmed (the strays never pass for the answer)
            #expect(try await rig.printer.print(job, bound: .seconds(30)) == .printed)
            #expect(try await rig.printer.print(job, bound: .seconds(30)) == .printed)
            let answeredInside = await rig.emulator.log.filter {
                if case .statusAnswered(_, _, true) = $0.event { return true }
                return false
            }.count
            #expect(answeredInside == 80)
            #expect(await rig.emulator.pages.count == 2)
        }
    }

    @Test func print_whileAnotherJobRuns_throwsBusy_andTheFirstJobStillPrints() async throws {
        let slow = PrinterFaultPlan(faults: [PrinterScheduledFault(.slowConsumer(maxBytesPerPass: 256, delayMilliseconds: 5))])
        try await EscPosPrinterRig.run(faults: slow, capacity: 512) { rig throws in
            #expect(await rig.ready())
            let job = try PrinterJobs.pattern(height: 1500)
            try await withThrowingTaskGroup(of: ReceiptPrintOutcome.self) { group throws in
                group.addTask { try await rig.printer.print(job, bound: .seconds(60)) }
                // When a second job arrives while the first one's bytes are flowing
                #expect(await rig.eventually { await rig.emulator.snapshot.rasterRowsPrinted > 0 })
                let error = await #expect(throws: HALError.self) { () async throws in
                    _ = try await rig.printer.print(job, bound: .seconds(5))
                }
                // Then it is refused as busy, and the first completes
                #expect(error?.kind == .busy)
                #expect(try await group.next() == .printed)
            }
            #expect(await rig.emulator.pages.count == 1)
        }
    }

    @Test func print_ofAPictureWiderThanThePaper_isRefusedAsTooWide_andNothingIsSent() async throws {
        try await EscPosPrinterRig.run { rig throws in
            #expect(await rig.ready())
            let job = try PrinterJobs.pattern(width: 640, height: 20)
            #expect(try await rig.printer.print(job, bound: .seconds(10)) == .notPrinted(.tooWide(jobDots: 640, paperDots: 576)))
            #expect(await rig.rasterCommandsSeen() == 0)
        }
    }

    @Test func print_onAPrinterWithoutCutter_skipsTheCut_andIsConfirmed() async throws {
        try await EscPosPrinterRig.run(configuration: EscPosPrinterRig.configuration(hasCutter: false)) { rig throws in
            #expect(await rig.ready())
            #expect(try await rig.printer.print(try PrinterJobs.pattern(height: 50), bound: .seconds(30)) == .printed)
            let cuts = await rig.emulator.log.filter {
                if case .cut = $0.event { return true }
                if case .emptyCut = $0.event { return true }
                return false
            }
            #expect(cuts.isEmpty)
            #expect(await rig.emulator.snapshot.rasterRowsPrinted == 50)
            #expect(await rig.printer.status().cutter == .absent)
        }
    }

    @Test func print_ofANarrowPicture_isCentredOnThePaper() async throws {
        try await EscPosPrinterRig.run(configuration: EscPosPrinterRig.configuration(paperWidth: 384)) { rig throws in
            #expect(await rig.ready())
            let job = try PrinterJobs.pattern(width: 128, height: 30)
            #expect(try await rig.printer.print(job, bound: .seconds(30)) == .printed)
            let page = try #require(await rig.emulator.pages.first)
            // 128 dots centred on 384: 16 bytes start at byte 16 of each 48-byte row
            for row in 0..<30 {
                let printed = Array(page.bitmap.packedRows(row..<(row + 1)))
                #expect(Array(printed[16..<32]) == Array(job.packedRows[(row * 16)..<(row * 16 + 16)]))
                #expect(printed[0..<16].allSatisfy { $0 == 0 } && printed[32...].allSatisfy { $0 == 0 })
            }
        }
    }

    @Test func unplug_isReportedAsUnplugged_thenTheDriverReconnectsAndPrints() async throws {
        try await EscPosPrinterRig.run { rig throws in
            #expect(await rig.ready())
            // When the cable is pulled
            await rig.cable.unplug()
            #expect(await rig.saw(.unplugged))
            #expect(ReceiptPrinterEvent.unplugged.recommendedAction == .callTechnician)
            #expect(await rig.eventually { await rig.printer.status().device == .powerOff })
            // Then a job cannot even start
            let error = await #expect(throws: HALError.self) { () async throws in
                _ = try await rig.printer.print(try PrinterJobs.pattern(height: 10), bound: .seconds(5))
            }
            #expect(error?.kind == .disconnected)
            // When it is plugged back
            await rig.cable.replug()
            #expect(await rig.eventually {
                let events = await rig.log.events
                guard let lost = events.firstIndex(of: .unplugged) else { return false }
                return events[(lost + 1)...].contains(.online)
            })
            // Then printing works again on the new stream
            #expect(await rig.ready())
            #expect(try await rig.printer.print(try PrinterJobs.pattern(height: 40), bound: .seconds(30)) == .printed)
            #expect(await rig.cable.opens >= 2)
        }
    }

    @Test func statusRepliesWithoutTheReplyPattern_areNeverTakenAsReady_andNothingIsPrinted() async throws {
        // Given a device that answers every query with 0xFF (not 0xx1xx10), as a confused
        // printer or a wrong device on the port would
        let (host, device) = InMemoryByteStream.pair(name: "printer0")
        let printer = EscPosPrinter(name: "printer0", configuration: EscPosPrinterRig.configuration(statusTimeout: .milliseconds(300)),
                                    clock: ContinuousClock()) { host }
        let received = ByteCounter()
        try await withThrowingTaskGroup(of: Void.self) { group throws in
            group.addTask { await printer.run() }
            group.addTask {
                while let bytes = try? await device.read(maxCount: 4096, timeout: .seconds(30)) {
                    await received.add(bytes.count)
                    try await device.write([UInt8](repeating: 0xFF, count: bytes.count / 3), timeout: .seconds(5))
                }
            }
            defer { group.cancelAll() }
            let guardWait = HangGuard()
            #expect(await guardWait.eventually { await printer.status().device == .offline })
            // When a job is asked for, Then it is refused as offline and no raster is sent
            #expect(try await printer.print(try PrinterJobs.pattern(height: 10), bound: .seconds(10)) == .notPrinted(.offline))
            #expect(await received.total % 12 == 0)
            await device.close()
        }
    }
}

/// Counts bytes a fake device received.
actor ByteCounter {
    private(set) var total = 0
    func add(_ count: Int) { total += count }
}
