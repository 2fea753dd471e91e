import DeviceProtocols
import KioskHAL

/// The printer driver's decisions as a value: what the status replies mean for the HAL status,
/// which events a change publishes, whether a job may start, and what a job's outcome is.
/// No I/O and no clock: `EscPosPrinter` performs the reads and writes and feeds this the results.
public struct EscPosPrinterState: Sendable, Equatable {
    /// The printer's fixed capabilities (a printer without a cutter never reports cutter errors).
    public let capabilities: ReceiptPrinterCapabilities
    /// The last known status; `.unknown` parts were never read or are no longer known.
    public private(set) var status: ReceiptPrinterStatus = .unknown
    /// Whether a stream to the printer was ever opened (an open failure before then is `.noDevice`).
    public private(set) var everConnected = false

    /// A state that knows nothing yet (`device` `.starting`).
    public init(capabilities: ReceiptPrinterCapabilities) {
        self.capabilities = capabilities
        status = ReceiptPrinterStatus(device: .starting, paper: .unknown, cover: .unknown, cutter: .unknown)
    }

    /// The HAL status four status replies describe: cutter error or an unrecoverable error is
    /// `.hardwareError`; paper out or cover open `.userError`; offline without a visible cause
    /// `.offline`; otherwise `.online`. Near end is still online.
    public func status(for condition: PrinterCondition) -> ReceiptPrinterStatus {
        let paper: ReceiptPrinterStatus.Paper
        switch condition.paper {
        case .ok: paper = .ok
        case .nearEnd: paper = capabilities.reportsPaperNearEnd ? .nearEnd : .ok
        case .out: paper = .out
        }
        let cutterFailed = capabilities.hasCutter && condition.cutterError
        let cutter: ReceiptPrinterStatus.Cutter = capabilities.hasCutter ? (cutterFailed ? .error : .ok) : .absent
        let device: DeviceStatus
        if cutterFailed || condition.unrecoverable {
            device = .hardwareError
        } else if paper == .out || condition.coverOpen {
            device = .userError
        } else if !condition.online {
            device = .offline
        } else {
            device = .online
        }
        return ReceiptPrinterStatus(device: device, paper: paper, cover: condition.coverOpen ? .open : .closed, cutter: cutter)
    }

    /// Records a complete status reading; returns the events its changes publish.
    public mutating func observe(_ condition: PrinterCondition) -> [ReceiptPrinterEvent] {
        everConnected = true
        return transition(to: status(for: condition))
    }

    /// Records that the printer gave no (valid) status reply within the bound: offline, with
    /// paper, cover and cutter no longer known. Publishes `.offline` once.
    public mutating func observeNoReply() -> [ReceiptPrinterEvent] {
        everConnected = true
        let cutter: ReceiptPrinterStatus.Cutter = capabilities.hasCutter ? .unknown : .absent
        return transition(to: ReceiptPrinterStatus(device: .offline, paper: .unknown, cover: .unknown, cutter: cutter))
    }

    /// Records that the stream to the printer went away: `.powerOff`, publishing `.unplugged`
    /// once per loss (and nothing when it was not connected).
    public mutating func observeUnplugged() -> [ReceiptPrinterEvent] {
        let wasConnected = status.device != .powerOff && status.device != .noDevice && status.device != .starting
        status = ReceiptPrinterStatus(device: .powerOff, paper: .unknown, cover: .unknown, cutter: .unknown)
        return wasConnected ? [.unplugged] : []
    }

    /// Records that opening the stream failed: `.noDevice` until the first successful open,
    /// `.powerOff` afterwards. Publishes nothing (the loss was published when it happened).
    public mutating func observeOpenFailure() {
        let device: DeviceStatus = everConnected ? .powerOff : .noDevice
        status = ReceiptPrinterStatus(device: device, paper: .unknown, cover: .unknown, cutter: .unknown)
    }

    /// Moves to `next` and lists the events for what changed, in a fixed order: paper, cover,
    /// cutter, then the device as a whole (`offline`/`online`).
    mutating func transition(to next: ReceiptPrinterStatus) -> [ReceiptPrinterEvent] {
        let previous = status
        status = next
        var events: [ReceiptPrinterEvent] = []
        if next.paper != previous.paper {
            if next.paper == .nearEnd, previous.paper != .out { events.append(.paperLow) }
            if next.paper == .out { events.append(.paperOut) }
        }
        if next.cover != previous.cover {
            if next.cover == .open { events.append(.coverOpened) }
            if next.cover == .closed, previous.cover == .open { events.append(.coverClosed) }
        }
        if next.cutter == .error, previous.cutter != .error { events.append(.cutterError) }
        if next.device != previous.device {
            if next.device == .offline { events.append(.offline) }
            if next.device == .online { events.append(.online) }
        }
        return events
    }
}

// Job decisions.
extension EscPosPrinterState {
    /// Why `job` cannot be printed on this paper at all, or `nil`: a job wider than the paper
    /// is `.tooWide` and is never sent.
    public func refusal(of job: ReceiptPrintJob) -> ReceiptNotPrintedReason? {
        job.widthDots > capabilities.paperWidthDots
            ? .tooWide(jobDots: job.widthDots, paperDots: capabilities.paperWidthDots) : nil
    }

    /// Why a job must not be sent in `condition` (read just before it), or `nil` when ready:
    /// paper out, cover open, cutter error (only with a cutter), then offline or an unrecoverable error.
    public func preflight(_ condition: PrinterCondition) -> ReceiptNotPrintedReason? {
        if condition.paper == .out { return .paperOut }
        if condition.coverOpen { return .coverOpen }
        if capabilities.hasCutter, condition.cutterError { return .cutterError }
        if !condition.online || condition.unrecoverable { return .offline }
        return nil
    }

    /// The outcome of a job whose bytes were all sent, given the status the printer answered
    /// after processing them. Anything short of a ready printer is `.notPrinted`: the paper
    /// ran out, the cover is open, the cutter failed, or the printer is offline (which is how
    /// a printer that stopped mid-job and was set right again before the reply still reports).
    public func outcome(after condition: PrinterCondition) -> ReceiptPrintOutcome {
        if condition.paper == .out { return .notPrinted(.paperRanOutDuringJob) }
        if condition.coverOpen { return .notPrinted(.coverOpen) }
        if capabilities.hasCutter, condition.cutterError { return .notPrinted(.cutterError) }
        if !condition.online || condition.unrecoverable || condition.error { return .notPrinted(.offline) }
        return .printed
    }

    /// Whether `condition` is offline with no cause the printer names (paper, cover, cutter,
    /// unrecoverable error): the state of a printer that stopped on a fault which has since been
    /// set right and that waits for `1B 40` to resume.
    public static func isStoppedWithoutCause(_ condition: PrinterCondition) -> Bool {
        !condition.online && !condition.coverOpen && condition.paper != .out && !condition.cutterError
            && !condition.unrecoverable
    }
}
