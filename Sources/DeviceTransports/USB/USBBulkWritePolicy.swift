import KioskHAL

/// The decisions of one bulk OUT write, with no I/O: which bytes to hand libusb next and with
/// what timeout, how to resume after a timeout that moved some bytes (its `actual_length`),
/// when a stall calls for `CLEAR_FEATURE(HALT)` + `GET_PORT_STATUS`, and which `HALError`
/// ends the write. The stream feeds it each outcome and the remaining time.
///
/// Bytes are never resent: after any outcome the offset advances by exactly the count libusb
/// reports, so a raster command interrupted mid-way continues where it stopped.
public struct USBBulkWritePolicy: Sendable {
    /// What the shell must do next.
    public enum Step: Equatable, Sendable {
        /// Transfer `bytes[offset..<offset+count]` with this timeout (ms, never 0).
        case transfer(offset: Int, count: Int, timeoutMilliseconds: UInt32)
        /// Clear the halt on the endpoint, read `GET_PORT_STATUS`, then call `recordStallRecovery`.
        case recoverStall
        /// Every byte went out.
        case finished
        /// The write failed.
        case failed(HALError)
    }

    /// Bytes to write in total.
    public let total: Int
    /// Bytes the device has accepted so far.
    public private(set) var written = 0
    /// How many stalls were cleared and retried.
    public private(set) var stallRecoveries = 0

    private let device: String
    private let endpoint: String
    private let timeout: Duration
    private let maxTransfer: Int
    private let slice: Duration
    private let maxStallRecoveries: Int
    private var pending: Pending = .none

    private enum Pending: Equatable, Sendable {
        case none, stall(Int32), failure(HALError), done
    }

    /// A write of `total` bytes to `endpoint` (for details) within `timeout`, in transfers of
    /// at most `maxTransfer` bytes and calls of at most `slice`; a stall is cleared and the
    /// write resumed at most `maxStallRecoveries` times when the printer then reports ready.
    public init(
        total: Int, device: String, endpoint: String, timeout: Duration,
        maxTransfer: Int = 16_384, slice: Duration = USBTransferPolicy.defaultSlice, maxStallRecoveries: Int = 1
    ) {
        self.total = total
        self.device = device
        self.endpoint = endpoint
        self.timeout = timeout
        self.maxTransfer = max(1, maxTransfer)
        self.slice = slice
        self.maxStallRecoveries = maxStallRecoveries
        if total == 0 { pending = .done }
    }

    /// The next step given the time left before the write's deadline.
    public func next(remaining: Duration) -> Step {
        switch pending {
        case .done: return .finished
        case .failure(let error): return .failed(error)
        case .stall: return .recoverStall
        case .none: break
        }
        guard let milliseconds = USBTransferPolicy.callTimeout(remaining: remaining, slice: slice) else {
            return .failed(HALError(.timedOut, device: device, detail:
                "printer did not take the data: wrote \(written) of \(total) bytes to endpoint \(endpoint) within \(timeout)"))
        }
        return .transfer(offset: written, count: min(maxTransfer, total - written), timeoutMilliseconds: milliseconds)
    }

    /// Takes the outcome of the transfer the last `.transfer` step asked for.
    public mutating func record(_ outcome: USBTransferOutcome, requested: Int) {
        written += min(outcome.transferred, requested)
        switch outcome.code {
        case LibUSBError.success, LibUSBError.timeout, LibUSBError.interrupted:
            pending = written >= total ? .done : .none
        case LibUSBError.pipe:
            pending = .stall(outcome.code)
        default:
            let failure = USBTransferPolicy.failure(code: outcome.code, device: device, operation: "bulk write to \(endpoint)")
            pending = .failure(HALError(failure.kind, device: device, detail: failure.detail + " after \(written) of \(total) bytes"))
        }
    }

    /// Takes the result of a stall recovery: `clearHaltCode` from `libusb_clear_halt` and the
    /// port status (`nil` when the control request failed). A printer that is ready after the
    /// clear gets the rest of the data (up to the recovery limit); otherwise the write fails
    /// with the error the status stands for.
    public mutating func recordStallRecovery(clearHaltCode: Int32, portStatus: USBPrinterPortStatus?) {
        if clearHaltCode == LibUSBError.noDevice {
            pending = .failure(USBTransferPolicy.failure(code: clearHaltCode, device: device, operation: "clear halt on \(endpoint)"))
            return
        }
        guard let portStatus else {
            pending = .failure(HALError(.mechanical, device: device, detail:
                "endpoint \(endpoint) stalled after \(written) of \(total) bytes and GET_PORT_STATUS failed"))
            return
        }
        if portStatus.condition == .ready, clearHaltCode == LibUSBError.success, stallRecoveries < maxStallRecoveries {
            stallRecoveries += 1
            pending = .none
            return
        }
        let error = portStatus.stallError(device: device, endpoint: endpoint)
        pending = .failure(HALError(error.kind, device: device, detail: error.detail + "; wrote \(written) of \(total) bytes"))
    }
}
