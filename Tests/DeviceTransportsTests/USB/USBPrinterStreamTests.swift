import Foundation
import KioskHAL
import Testing
import TestSupport
@testable import DeviceTransports

@Suite struct USBPrinterStreamTests {
    private let bidirectional = USBPrinterInterface(
        number: 0, alternateSetting: 0, printerProtocol: .bidirectional,
        bulkOut: USBEndpointDescriptor(address: 0x01, attributes: 0x02, maxPacketSize: 64, interval: 0),
        bulkIn: USBEndpointDescriptor(address: 0x82, attributes: 0x02, maxPacketSize: 64, interval: 0))

    private func stream(_ handle: ScriptedUSBPrinterHandle, interface: USBPrinterInterface? = nil) -> USBPrinterStream {
        USBPrinterStream(handle: handle, interface: interface ?? bidirectional, name: "printer0", slice: .milliseconds(20))
    }

    private func job(_ count: Int) -> [UInt8] {
        var random = SplitMix64(seed: 0x1D76_30)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// The index of the first byte where the device's copy differs from the job (or where one ends).
    private func firstDifference(_ received: [UInt8], _ sent: [UInt8]) -> Int? {
        zip(received, sent).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? (received.count == sent.count ? nil : min(received.count, sent.count))
    }

    @Test func write_resumesPartialTimeouts_andTheDeviceGetsEveryByteOnce() async throws {
        // Given a printer that takes a few bytes and then times out, three times
        let handle = ScriptedUSBPrinterHandle(writes: [.timedOut(after: 7), .timedOut(after: 0), .timedOut(after: 300), .completed(5)])
        let printer = stream(handle)
        let data = job(20_000)

        // When a raster job is written
        try await printer.write(data, timeout: .seconds(30))

        // Then the device received exactly the job, in order, and never from the start again
        #expect(firstDifference(handle.received, data) == nil)
        // (each transfer starts where the last one stopped: 7, 7, 307, 312, 16 696 bytes in)
        let counts = handle.calls.compactMap { call -> Int? in
            if case let .write(_, count, _) = call { return count }
            return nil
        }
        #expect(counts == [16_384, 16_384, 16_384, 16_384, 16_384, 20_000 - 16_696])
        await printer.close()
    }

    @Test func write_stallWithPaperOut_clearsHaltAsksPortStatus_andReportsOutOfSupplies() async throws {
        let handle = ScriptedUSBPrinterHandle(writes: [.stalled(after: 12)], portStatus: [0x38])
        let printer = stream(handle)

        await #expect(throws: HALError(.outOfSupplies, device: "printer0", detail:
            "endpoint 0x01 stalled: printer reports paper empty, port status 0x38 (paper empty, selected, no error); wrote 12 of 100 bytes")) {
            try await printer.write(job(100), timeout: .seconds(30))
        }
        #expect(handle.calls.contains(.clearHalt(0x01)))
        #expect(handle.calls.contains(.control([0xA1, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00])))
        await printer.close()
    }

    @Test func write_stallThenReady_resumesWhereItStopped() async throws {
        let handle = ScriptedUSBPrinterHandle(writes: [.stalled(after: 40)], portStatus: [0x18])
        let printer = stream(handle)
        let data = job(100)
        try await printer.write(data, timeout: .seconds(30))
        #expect(firstDifference(handle.received, data) == nil)
        await printer.close()
    }

    @Test func write_unplugged_isDisconnected() async throws {
        let second = ScriptedUSBPrinterHandle(writes: [.noDevice])
        let gone = stream(second)
        do {
            try await gone.write([1, 2, 3], timeout: .seconds(30))
            Issue.record("expected .disconnected")
        } catch let error as HALError {
            #expect(error.kind == .disconnected)
            #expect(error.detail == "bulk write to 0x01: device unplugged (LIBUSB_ERROR_NO_DEVICE) after 0 of 3 bytes")
        }
        await gone.close()
    }

    @Test func read_returnsAtMostMaxCount_andKeepsTheRestOfThePacket() async throws {
        let handle = ScriptedUSBPrinterHandle(reads: [(.completed(6), [0x12, 0x16, 0x12, 0x12, 0x12, 0x7F])])
        let printer = stream(handle)

        #expect(try await printer.read(maxCount: 1, timeout: .seconds(30)) == [0x12])
        #expect(try await printer.read(maxCount: 4, timeout: .seconds(30)) == [0x16, 0x12, 0x12, 0x12])
        #expect(try await printer.read(maxCount: 4, timeout: .seconds(30)) == [0x7F])
        let reads = handle.calls.filter { if case .read = $0 { true } else { false } }
        #expect(reads == [.read(endpoint: 0x82, length: 64)])
        await printer.close()
    }

    @Test func read_timesOutWhenNothingComes() async throws {
        let printer = stream(ScriptedUSBPrinterHandle())
        await #expect(throws: HALError(.timedOut, device: "printer0", detail: "no byte from endpoint 0x82 within 0.1 seconds")) {
            try await printer.read(maxCount: 1, timeout: .milliseconds(100))
        }
        await printer.close()
    }

    @Test func read_onUnidirectionalPrinter_isUnsupported_butPortStatusWorks() async throws {
        let unidirectional = USBPrinterInterface(
            number: 0, alternateSetting: 0, printerProtocol: .unidirectional, bulkOut: bidirectional.bulkOut, bulkIn: nil)
        let handle = ScriptedUSBPrinterHandle(portStatus: [0x08])
        let printer = stream(handle, interface: unidirectional)
        do {
            _ = try await printer.read(maxCount: 1, timeout: .seconds(1))
            Issue.record("expected .unsupported")
        } catch let error as HALError {
            #expect(error.kind == .unsupported)
        }
        try await printer.discardInput()
        #expect(try await printer.portStatus().condition == .offline)
        await printer.close()
    }

    @Test func close_endsABlockedRead_releasesTheHandleOnce_andLaterCallsAreDisconnected() async throws {
        let handle = ScriptedUSBPrinterHandle()
        let printer = stream(handle)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    _ = try await printer.read(maxCount: 1, timeout: .seconds(60))
                    Issue.record("read returned after close")
                } catch let error as HALError {
                    #expect(error.kind == .disconnected)
                }
            }
            // Wait until the read is really blocked in the handle, then close
            while !handle.calls.contains(where: { if case .read = $0 { true } else { false } }) { await Task.yield() }
            await printer.close()
            try await group.waitForAll()
        }
        await printer.close()
        #expect(handle.calls.filter { $0 == .close }.count == 1)
        await #expect(throws: HALError(.disconnected, device: "printer0", detail: "stream closed")) {
            try await printer.write([1], timeout: .seconds(1))
        }
    }

    @Test func cancellation_endsABlockedRead() async throws {
        let handle = ScriptedUSBPrinterHandle()
        let printer = stream(handle)
        let reader = Task { try await printer.read(maxCount: 1, timeout: .seconds(60)) }
        while !handle.calls.contains(where: { if case .read = $0 { true } else { false } }) { await Task.yield() }
        reader.cancel()
        await #expect(throws: CancellationError.self) { _ = try await reader.value }
        await printer.close()
    }

    @Test func discardInput_dropsKeptBytesAndWhatIsWaiting() async throws {
        let handle = ScriptedUSBPrinterHandle(reads: [(.completed(3), [1, 2, 3]), (.completed(2), [4, 5])])
        let printer = stream(handle)
        #expect(try await printer.read(maxCount: 1, timeout: .seconds(30)) == [1])
        try await printer.discardInput()
        await #expect(throws: HALError.self) { try await printer.read(maxCount: 8, timeout: .milliseconds(50)) }
        #expect(handle.calls.filter { if case .read = $0 { true } else { false } }.count >= 3)
        await printer.close()
    }
}
