import Foundation
import Synchronization
@testable import DeviceTransports

/// A test-only `USBPrinterHandle` that plays a script of transfer outcomes and records every
/// call. Bulk OUT bytes are accepted according to each scripted outcome's `transferred`, so
/// the test can check the device received every byte exactly once. An exhausted script answers
/// OUT with full success and IN with a timeout after blocking for the call's timeout (as
/// libusb would), so close and cancellation are exercised against a really blocking call.
final class ScriptedUSBPrinterHandle: USBPrinterHandle {
    enum Call: Hashable, Sendable {
        case write(endpoint: UInt8, count: Int, timeoutMilliseconds: UInt32)
        case read(endpoint: UInt8, length: Int)
        case clearHalt(UInt8)
        case control([UInt8])
        case close
    }

    private struct State {
        var writes: [USBTransferOutcome] = []
        var reads: [(USBTransferOutcome, [UInt8])] = []
        var portStatus: [UInt8]? = [0x18]
        var received: [UInt8] = []
        var calls: [Call] = []
    }

    private let state = Mutex(State())

    init(writes: [USBTransferOutcome] = [], reads: [(USBTransferOutcome, [UInt8])] = [], portStatus: [UInt8]? = [0x18]) {
        state.withLock {
            $0.writes = writes
            $0.reads = reads
            $0.portStatus = portStatus
        }
    }

    /// Every byte the "device" accepted, in order.
    var received: [UInt8] { state.withLock { $0.received } }
    /// Every call, in order.
    var calls: [Call] { state.withLock { $0.calls } }

    private func note(_ call: Call) {
        state.withLock { $0.calls.append(call) }
    }

    func bulkWrite(endpoint: UInt8, bytes: ArraySlice<UInt8>, timeoutMilliseconds: UInt32) -> USBTransferOutcome {
        note(.write(endpoint: endpoint, count: bytes.count, timeoutMilliseconds: timeoutMilliseconds))
        return state.withLock { state in
            let outcome = state.writes.isEmpty ? .completed(bytes.count) : state.writes.removeFirst()
            let taken = min(outcome.transferred, bytes.count)
            state.received.append(contentsOf: bytes.prefix(taken))
            return USBTransferOutcome(code: outcome.code, transferred: taken)
        }
    }

    func bulkRead(endpoint: UInt8, length: Int, timeoutMilliseconds: UInt32) -> (outcome: USBTransferOutcome, data: [UInt8]) {
        note(.read(endpoint: endpoint, length: length))
        let next = state.withLock { state in state.reads.isEmpty ? nil : state.reads.removeFirst() }
        guard let next else {
            usleep(timeoutMilliseconds * 1000)
            return (.timedOut(after: 0), [])
        }
        return next
    }

    func clearHalt(endpoint: UInt8) -> Int32 {
        note(.clearHalt(endpoint))
        return 0
    }

    func controlIn(_ setup: USBControlSetup, timeoutMilliseconds: UInt32) -> (code: Int32, data: [UInt8]) {
        note(.control(setup.bytes))
        guard let status = state.withLock({ $0.portStatus }) else { return (LibUSBError.pipe, []) }
        return (Int32(status.count), status)
    }

    func close() { note(.close) }
}
