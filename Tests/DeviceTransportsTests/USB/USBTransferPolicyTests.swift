import KioskHAL
import Testing
@testable import DeviceTransports

@Suite struct USBBulkWritePolicyTests {
    private func policy(_ total: Int, maxTransfer: Int = 16_384, stalls: Int = 1) -> USBBulkWritePolicy {
        USBBulkWritePolicy(total: total, device: "printer0", endpoint: "0x01", timeout: .seconds(5),
                           maxTransfer: maxTransfer, slice: .milliseconds(250), maxStallRecoveries: stalls)
    }

    @Test func largeWrite_goesOutInBoundedTransfers() {
        var write = policy(40_000)
        var offsets: [Int] = []
        while case let .transfer(offset, count, milliseconds) = write.next(remaining: .seconds(5)) {
            #expect(milliseconds == 250)
            offsets.append(offset)
            write.record(.completed(count), requested: count)
        }
        #expect(offsets == [0, 16_384, 32_768])
        #expect(write.next(remaining: .seconds(5)) == .finished)
        #expect(write.written == 40_000)
    }

    @Test func timeoutWithPartialTransfer_resumesAfterTheBytesTaken_neverResends() {
        var write = policy(200)
        #expect(write.next(remaining: .seconds(1)) == .transfer(offset: 0, count: 200, timeoutMilliseconds: 250))
        write.record(.timedOut(after: 64), requested: 200)
        #expect(write.next(remaining: .seconds(1)) == .transfer(offset: 64, count: 136, timeoutMilliseconds: 250))
        write.record(.timedOut(after: 0), requested: 136)
        #expect(write.next(remaining: .milliseconds(40)) == .transfer(offset: 64, count: 136, timeoutMilliseconds: 40))
        write.record(.timedOut(after: 36), requested: 136)
        guard case .failed(let error) = write.next(remaining: .zero) else {
            Issue.record("expected a failure at the deadline")
            return
        }
        #expect(error.kind == .timedOut)
        #expect(error.detail == "printer did not take the data: wrote 100 of 200 bytes to endpoint 0x01 within 5.0 seconds")
    }

    @Test func callTimeout_isNeverZero_andCappedBySlice() {
        #expect(USBTransferPolicy.callTimeout(remaining: .microseconds(300), slice: .milliseconds(250)) == 1)
        #expect(USBTransferPolicy.callTimeout(remaining: .seconds(30), slice: .milliseconds(250)) == 250)
        #expect(USBTransferPolicy.callTimeout(remaining: .milliseconds(120), slice: .milliseconds(250)) == 120)
        #expect(USBTransferPolicy.callTimeout(remaining: .zero, slice: .milliseconds(250)) == nil)
        #expect(USBTransferPolicy.callTimeout(remaining: .milliseconds(-5), slice: .milliseconds(250)) == nil)
    }

    @Test func stall_thenReadyPrinter_resumesOnce_thenFails() {
        var write = policy(100)
        write.record(.stalled(after: 10), requested: 100)
        #expect(write.next(remaining: .seconds(1)) == .recoverStall)
        write.recordStallRecovery(clearHaltCode: 0, portStatus: USBPrinterPortStatus(raw: 0x18))
        #expect(write.next(remaining: .seconds(1)) == .transfer(offset: 10, count: 90, timeoutMilliseconds: 250))
        write.record(.stalled(after: 0), requested: 90)
        write.recordStallRecovery(clearHaltCode: 0, portStatus: USBPrinterPortStatus(raw: 0x18))
        guard case .failed(let error) = write.next(remaining: .seconds(1)) else {
            Issue.record("a second stall must fail")
            return
        }
        #expect(error.kind == .protocolViolation)
        #expect(error.detail.hasSuffix("; wrote 10 of 100 bytes"))
        #expect(write.stallRecoveries == 1)
    }

    @Test func stall_withPaperEmpty_isOutOfSupplies() {
        var write = policy(100)
        write.record(.stalled(after: 42), requested: 100)
        write.recordStallRecovery(clearHaltCode: 0, portStatus: USBPrinterPortStatus(raw: 0x38))
        #expect(write.next(remaining: .seconds(1)) == .failed(HALError(.outOfSupplies, device: "printer0", detail:
            "endpoint 0x01 stalled: printer reports paper empty, port status 0x38 (paper empty, selected, no error); wrote 42 of 100 bytes")))
    }

    @Test func stall_withoutPortStatus_isMechanical_andUnplugDuringRecoveryIsDisconnected() {
        var write = policy(100)
        write.record(.stalled(after: 0), requested: 100)
        write.recordStallRecovery(clearHaltCode: 0, portStatus: nil)
        guard case .failed(let error) = write.next(remaining: .seconds(1)) else { Issue.record("expected failure"); return }
        #expect(error.kind == .mechanical)
        var unplugged = policy(100)
        unplugged.record(.stalled(after: 0), requested: 100)
        unplugged.recordStallRecovery(clearHaltCode: LibUSBError.noDevice, portStatus: nil)
        guard case .failed(let gone) = unplugged.next(remaining: .seconds(1)) else { Issue.record("expected failure"); return }
        #expect(gone.kind == .disconnected)
    }

    @Test func libusbErrors_mapToHALKinds() {
        let cases: [(Int32, HALError.Kind)] = [
            (LibUSBError.noDevice, .disconnected), (LibUSBError.io, .disconnected),
            (LibUSBError.busy, .busy), (LibUSBError.overflow, .protocolViolation), (LibUSBError.other, .disconnected),
        ]
        for (code, kind) in cases {
            var write = policy(10)
            write.record(USBTransferOutcome(code: code, transferred: 3), requested: 10)
            guard case .failed(let error) = write.next(remaining: .seconds(1)) else { Issue.record("code \(code)"); continue }
            #expect(error.kind == kind)
            #expect(error.detail.contains(LibUSBError.name(code)))
            #expect(error.detail.hasSuffix("after 3 of 10 bytes"))
        }
        #expect(LibUSBError.name(-9) == "LIBUSB_ERROR_PIPE")
        #expect(LibUSBError.name(-42) == "LIBUSB_ERROR_-42")
    }

    @Test func libusbNames_agreeWithTheLibrary() {
        for code: Int32 in [-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -99] {
            #expect(LibUSBError.name(code) == USBContext.errorName(code))
        }
    }

    @Test func emptyWrite_finishesAtOnce() {
        #expect(policy(0).next(remaining: .zero) == .finished)
    }
}

@Suite struct USBBulkReadPolicyTests {
    private func policy(_ maxCount: Int, packet: Int = 64) -> USBBulkReadPolicy {
        USBBulkReadPolicy(maxCount: maxCount, maxPacketSize: packet, device: "printer0", endpoint: "0x82",
                          timeout: .seconds(2), slice: .milliseconds(250))
    }

    @Test func requests_areWholePackets() {
        #expect(policy(1).requestLength == 64)
        #expect(policy(64).requestLength == 64)
        #expect(policy(100).requestLength == 128)
        #expect(policy(1, packet: 512).requestLength == 512)
        #expect(policy(1_000_000).requestLength == 65_536)
    }

    @Test func dataWithATimeout_isDelivered_andSurplusKept() {
        var read = policy(4)
        read.record(.timedOut(after: 6), data: [1, 2, 3, 4, 5, 6])
        #expect(read.next(remaining: .seconds(1)) == .delivered(bytes: [1, 2, 3, 4], surplus: [5, 6]))
    }

    @Test func emptyTimeoutsAndZeroLengthPackets_keepWaiting_untilTheDeadline() {
        var read = policy(4)
        read.record(.timedOut(after: 0), data: [])
        read.record(.completed(0), data: [])
        #expect(read.next(remaining: .milliseconds(10)) == .transfer(length: 64, timeoutMilliseconds: 10))
        #expect(read.next(remaining: .zero) == .failed(HALError(.timedOut, device: "printer0", detail: "no byte from endpoint 0x82 within 2.0 seconds")))
    }

    @Test func stall_isDiagnosedByPortStatus_andOtherErrorsMap() {
        var read = policy(4)
        read.record(.stalled(after: 0), data: [])
        #expect(read.next(remaining: .seconds(1)) == .recoverStall)
        read.recordStallRecovery(clearHaltCode: 0, portStatus: USBPrinterPortStatus(raw: 0x08))
        guard case .failed(let error) = read.next(remaining: .seconds(1)) else { Issue.record("expected failure"); return }
        #expect(error.kind == .mechanical)
        var gone = policy(4)
        gone.record(.noDevice, data: [])
        guard case .failed(let unplugged) = gone.next(remaining: .seconds(1)) else { Issue.record("expected failure"); return }
        #expect(unplugged.kind == .disconnected)
    }
}
