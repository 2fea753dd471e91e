import Foundation
import KioskHAL

/// A `ByteStream` over the bulk endpoints of a USB printer-class interface.
///
/// Writes go to the bulk OUT endpoint under `USBBulkWritePolicy` (partial transfers resume from
/// libusb's `actual_length`, a stall is cleared and diagnosed with `GET_PORT_STATUS`); reads come
/// from the bulk IN endpoint under `USBBulkReadPolicy`. Every libusb call blocks on one of the
/// stream's two serial dispatch queues (output, input), for at most one slice, so cancellation
/// and `close()` are noticed within a slice and no Swift concurrency thread ever blocks.
/// `LIBUSB_ERROR_NO_DEVICE` is `.disconnected`: the handle is dead, close it and reopen the
/// device when it arrives again.
public final class USBPrinterStream: ByteStream {
    /// The name given at opening, used in every error.
    public let name: String
    /// The printer interface in use, with its endpoints.
    public let interface: USBPrinterInterface
    /// What opening had to do, for logs: e.g. `detached kernel driver usblp from interface 0`.
    public let openingNotes: [String]

    private let handle: any USBPrinterHandle
    private let slice: Duration
    private let gate = USBOperationGate()
    private let surplus = SurplusBuffer()
    private let outputQueue: DispatchQueue
    private let inputQueue: DispatchQueue

    /// A stream over an opened and claimed `handle` (the stream closes it).
    /// `slice` bounds each libusb call (see `USBTransferPolicy.defaultSlice`).
    public init(handle: any USBPrinterHandle, interface: USBPrinterInterface, name: String,
                openingNotes: [String] = [], slice: Duration = USBTransferPolicy.defaultSlice) {
        self.handle = handle
        self.interface = interface
        self.name = name
        self.openingNotes = openingNotes
        self.slice = slice
        outputQueue = DispatchQueue(label: "DeviceTransports.usb.output.\(name)")
        inputQueue = DispatchQueue(label: "DeviceTransports.usb.input.\(name)")
    }

    /// Writes every byte to the bulk OUT endpoint within `timeout`.
    /// - Throws: `.timedOut` (the detail says how many bytes the printer took),
    ///   `.outOfSupplies`/`.mechanical` when a stall comes with paper out, off-line or error,
    ///   `.disconnected` on unplug or after `close()`, `.busy`, `CancellationError`.
    public func write(_ bytes: [UInt8], timeout: Duration) async throws {
        let endpoint = interface.bulkOut
        let policy = USBBulkWritePolicy(
            total: bytes.count, device: name, endpoint: endpoint.addressText, timeout: timeout, slice: slice)
        try await runBlocking(on: outputQueue) { [handle, interface] stop in
            var policy = policy
            let deadline = ContinuousClock.now.advanced(by: timeout)
            while true {
                try stop()
                switch policy.next(remaining: ContinuousClock.now.duration(to: deadline)) {
                case .finished:
                    return
                case .failed(let error):
                    throw error
                case let .transfer(offset, count, milliseconds):
                    let outcome = handle.bulkWrite(
                        endpoint: endpoint.address, bytes: bytes[offset..<(offset + count)], timeoutMilliseconds: milliseconds)
                    policy.record(outcome, requested: count)
                case .recoverStall:
                    let cleared = handle.clearHalt(endpoint: endpoint.address)
                    policy.recordStallRecovery(clearHaltCode: cleared, portStatus: Self.portStatus(handle, interface))
                }
            }
        }
    }

    /// Returns 1…`maxCount` bytes from the bulk IN endpoint, waiting up to `timeout`.
    /// - Throws: `.unsupported` on a unidirectional printer or for `maxCount` < 1, `.timedOut`,
    ///   `.disconnected`, the port-status error after an IN stall, `CancellationError`.
    public func read(maxCount: Int, timeout: Duration) async throws -> [UInt8] {
        guard maxCount > 0 else {
            throw HALError(.unsupported, device: name, detail: "read maxCount must be at least 1, got \(maxCount)")
        }
        guard let endpoint = interface.bulkIn else {
            throw HALError(.unsupported, device: name, detail:
                "printer interface \(interface.number) is unidirectional (no bulk IN endpoint): it cannot answer status queries")
        }
        let policy = USBBulkReadPolicy(
            maxCount: maxCount, maxPacketSize: endpoint.maxPacketSize, device: name,
            endpoint: endpoint.addressText, timeout: timeout, slice: slice)
        return try await runBlocking(on: inputQueue) { [handle, interface, surplus] stop in
            var policy = policy
            if let kept = surplus.take(maxCount) { return kept }
            let deadline = ContinuousClock.now.advanced(by: timeout)
            while true {
                try stop()
                switch policy.next(remaining: ContinuousClock.now.duration(to: deadline)) {
                case let .delivered(bytes, extra):
                    surplus.keep(extra)
                    return bytes
                case .failed(let error):
                    throw error
                case let .transfer(length, milliseconds):
                    let (outcome, data) = handle.bulkRead(endpoint: endpoint.address, length: length, timeoutMilliseconds: milliseconds)
                    policy.record(outcome, data: data)
                case .recoverStall:
                    let cleared = handle.clearHalt(endpoint: endpoint.address)
                    policy.recordStallRecovery(clearHaltCode: cleared, portStatus: Self.portStatus(handle, interface))
                }
            }
        }
    }

    /// Drops kept bytes and whatever the IN endpoint delivers at once (short polls, at most
    /// 64 KiB); a no-op on a unidirectional printer. - Throws: `.disconnected` once closed.
    public func discardInput() async throws {
        try await runBlocking(on: inputQueue) { [handle, interface, surplus] stop in
            surplus.clear()
            guard let endpoint = interface.bulkIn else { return }
            var dropped = 0
            while dropped < 65_536 {
                try stop()
                let (outcome, _) = handle.bulkRead(endpoint: endpoint.address, length: 4096, timeoutMilliseconds: 10)
                guard outcome.transferred > 0 else { return }
                dropped += outcome.transferred
            }
        }
    }

    /// Asks the printer class `GET_PORT_STATUS` on endpoint 0 (answers even when bulk OUT is
    /// stalled; the only status a unidirectional printer gives).
    /// - Throws: `.disconnected`, `.protocolViolation` when the reply is not one byte.
    public func portStatus() async throws -> USBPrinterPortStatus {
        try await runBlocking(on: outputQueue) { [handle, interface, name] _ in
            guard let status = Self.portStatus(handle, interface) else {
                throw HALError(.protocolViolation, device: name, detail: "GET_PORT_STATUS on interface \(interface.number) gave no status byte")
            }
            return status
        }
    }

    /// Closes the stream (idempotent): running calls end within one slice with `.disconnected`,
    /// then the interface is released, the kernel driver re-attached and the handle closed.
    public func close() async {
        guard await gate.close() else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            outputQueue.async { [handle] in
                handle.close()
                continuation.resume()
            }
        }
    }

    /// One `GET_PORT_STATUS`; `nil` when the request fails or the reply is not one byte.
    static func portStatus(_ handle: any USBPrinterHandle, _ interface: USBPrinterInterface) -> USBPrinterPortStatus? {
        let (code, data) = handle.controlIn(.getPortStatus(interface: interface.number), timeoutMilliseconds: 1000)
        guard code >= 0 else { return nil }
        return USBPrinterPortStatus(reply: data)
    }

    /// Runs `body` on `queue` inside the gate; `body` gets a check that throws once the task is
    /// cancelled or the stream closed, to call between slices.
    private func runBlocking<T: Sendable>(
        on queue: DispatchQueue, _ body: @escaping @Sendable (_ stop: () throws -> Void) throws -> T
    ) async throws -> T {
        try gate.enter(device: name)
        defer { gate.leave() }
        let flag = USBCancellationFlag()
        let gate = self.gate
        let name = self.name
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                queue.async {
                    continuation.resume(with: Result {
                        try body {
                            if flag.isCancelled { throw CancellationError() }
                            if gate.isClosed { throw HALError(.disconnected, device: name, detail: "stream closed") }
                        }
                    })
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }
}
