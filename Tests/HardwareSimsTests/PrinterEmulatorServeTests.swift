import DeviceProtocols
import DeviceTransports
import KioskHAL
import Testing
@testable import HardwareSims

private typealias Support = PrinterTestSupport

@Suite struct PrinterEmulatorServeTests {
    /// Reads exactly `count` bytes from `stream`, each read bounded generously.
    private func read(_ count: Int, from stream: InMemoryByteStream) async throws -> [UInt8] {
        var received: [UInt8] = []
        while received.count < count {
            received += try await stream.read(maxCount: count - received.count, timeout: .seconds(30))
        }
        return received
    }

    @Test func serve_answersAStatusQuery_printsAJob_andEndsQuietlyOnUnplug() async throws {
        // Given a printer served on one end of a pipe, its paper running low
        let (host, device) = InMemoryByteStream.pair(name: "printer0")
        let emulator = EscPosPrinterEmulator(core: try EscPosPrinterEmulatorCore(paperWidth: 576))
        await emulator.setPaper(.nearEnd)
        let serving = Task { try await emulator.serve(on: device) }
        // When the host sends a receipt and then asks for the paper sensor
        let bitmap = try Support.qrBitmap()
        try await host.write(try Support.receiptJob(bitmap).bytes, timeout: .seconds(30))
        try await host.write(EscPosStatusRequest.paperSensor.queryBytes, timeout: .seconds(30))
        // Then the near-end reply comes back, after the job was handled
        let reply = try await read(1, from: host)
        #expect(try EscPosStatus(reply: try #require(reply.first), to: .paperSensor)
            == .paperSensor(nearEnd: true, paperEnd: false))
        #expect(await emulator.pages.count == 1)
        // When the host hangs up (the cable is pulled)
        await host.close()
        // Then the serve loop returns without error and the page PNG is there
        try await serving.value
        #expect(Array(try await emulator.pagePNG(0).prefix(8)) == PNGEncoder.signature)
    }

    @Test func serve_stopsWhenCancelled() async throws {
        // Given a printer being served
        let (host, device) = InMemoryByteStream.pair(name: "printer0")
        let emulator = EscPosPrinterEmulator(core: try EscPosPrinterEmulatorCore())
        let serving = Task { try await emulator.serve(on: device) }
        try await host.write(EscPosStatusRequest.printer.queryBytes, timeout: .seconds(30))
        #expect(try await read(1, from: host) == [0x12])
        // When the task is cancelled, then it ends without throwing
        serving.cancel()
        try await serving.value
    }

    @Test(arguments: [true, false])
    func slowConsumer_makesABigWriteTimeOut_throughASmallBuffer(slow: Bool) async throws {
        // Given a 64-byte pipe and a printer that, when slow, reads 1 byte per 200 ms pass
        let (host, device) = InMemoryByteStream.pair(name: "printer0", capacity: 64)
        let plan = PrinterFaultPlan(faults: slow
            ? [PrinterScheduledFault(.slowConsumer(maxBytesPerPass: 1, delayMilliseconds: 200))] : [])
        let emulator = EscPosPrinterEmulator(core: try EscPosPrinterEmulatorCore(paperWidth: 576, faults: plan))
        let serving = Task { try await emulator.serve(on: device) }
        // When the host writes a whole receipt (thousands of bytes); the slow case's bound is
        // far below the ~100 minutes its pace needs, the fast case's far above what it needs
        let job = try Support.receiptJob(try Support.qrBitmap()).bytes
        var timedOut = false
        do {
            try await host.write(job, timeout: slow ? .milliseconds(300) : .seconds(60))
        } catch let error as HALError where error.kind == .timedOut {
            timedOut = true
        }
        // Then the write times out only against the slow consumer
        #expect(timedOut == slow)
        await host.close()
        serving.cancel()
        try await serving.value
    }
}
