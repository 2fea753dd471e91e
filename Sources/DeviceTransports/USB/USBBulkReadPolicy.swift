import KioskHAL

/// The decisions of one bulk IN read, with no I/O: the request size (whole packets, so the
/// device can never overflow the buffer), per-call timeouts, and how each outcome ends the read.
/// Bytes beyond what the caller asked for are handed back as surplus for the next read.
public struct USBBulkReadPolicy: Sendable {
    /// What the shell must do next.
    public enum Step: Equatable, Sendable {
        /// Read up to `length` bytes with this timeout (ms, never 0).
        case transfer(length: Int, timeoutMilliseconds: UInt32)
        /// Clear the halt on the endpoint, read `GET_PORT_STATUS`, then call `recordStallRecovery`.
        case recoverStall
        /// Return these bytes (1…maxCount) and keep `surplus` for the next read.
        case delivered(bytes: [UInt8], surplus: [UInt8])
        /// The read failed.
        case failed(HALError)
    }

    private let device: String
    private let endpoint: String
    private let maxCount: Int
    private let timeout: Duration
    private let slice: Duration
    /// Bytes requested per call: `maxCount` rounded up to whole packets, at most 64 KiB.
    public let requestLength: Int
    private var result: Step?

    /// A read of up to `maxCount` bytes from an endpoint with `maxPacketSize` within `timeout`.
    public init(maxCount: Int, maxPacketSize: Int, device: String, endpoint: String, timeout: Duration,
                slice: Duration = USBTransferPolicy.defaultSlice) {
        self.device = device
        self.endpoint = endpoint
        self.maxCount = max(1, maxCount)
        self.timeout = timeout
        self.slice = slice
        let packet = max(1, maxPacketSize)
        let packets = (min(self.maxCount, 65_536) + packet - 1) / packet
        requestLength = max(1, packets) * packet
    }

    /// The next step given the time left before the read's deadline.
    public func next(remaining: Duration) -> Step {
        if let result { return result }
        guard let milliseconds = USBTransferPolicy.callTimeout(remaining: remaining, slice: slice) else {
            return .failed(HALError(.timedOut, device: device, detail: "no byte from endpoint \(endpoint) within \(timeout)"))
        }
        return .transfer(length: requestLength, timeoutMilliseconds: milliseconds)
    }

    /// Takes the outcome of a transfer and the bytes it filled (`outcome.transferred` of them).
    /// A timeout or a zero-length packet with no data keeps waiting; data ends the read even
    /// when it came with a timeout.
    public mutating func record(_ outcome: USBTransferOutcome, data: [UInt8]) {
        let received = Array(data.prefix(outcome.transferred))
        switch outcome.code {
        case LibUSBError.success, LibUSBError.timeout, LibUSBError.interrupted:
            if !received.isEmpty {
                result = .delivered(bytes: Array(received.prefix(maxCount)), surplus: Array(received.dropFirst(maxCount)))
            }
        case LibUSBError.pipe:
            result = .recoverStall
        default:
            result = .failed(USBTransferPolicy.failure(code: outcome.code, device: device, operation: "bulk read from \(endpoint)"))
        }
    }

    /// Takes the result of clearing an IN stall: the read fails with what the port status says
    /// (a stalled IN pipe is not retried within the same read).
    public mutating func recordStallRecovery(clearHaltCode: Int32, portStatus: USBPrinterPortStatus?) {
        if clearHaltCode == LibUSBError.noDevice {
            result = .failed(USBTransferPolicy.failure(code: clearHaltCode, device: device, operation: "clear halt on \(endpoint)"))
        } else if let portStatus {
            result = .failed(portStatus.stallError(device: device, endpoint: endpoint))
        } else {
            result = .failed(HALError(.mechanical, device: device, detail: "endpoint \(endpoint) stalled and GET_PORT_STATUS failed"))
        }
    }
}
