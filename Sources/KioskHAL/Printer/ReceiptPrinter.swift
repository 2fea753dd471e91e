/// Why a job was not printed.
public enum ReceiptNotPrintedReason: Sendable, Equatable {
    /// The paper was out before the job started; nothing was printed.
    case paperOut
    /// The paper ran out while printing: part of the receipt may have come out and must be
    /// treated as void.
    case paperRanOutDuringJob
    /// The cover is or was opened.
    case coverOpen
    /// The cutter failed; the receipt may be printed but still attached.
    case cutterError
    /// The printer is offline or reports an unrecoverable error.
    case offline
    /// The printer is unplugged or unreachable.
    case unplugged
    /// The picture is wider than the paper (job width, paper width, both in dots).
    case tooWide(jobDots: Int, paperDots: Int)
    /// The printer did not confirm completion within the bound.
    case timedOut
}

/// The outcome of a print request.
public enum ReceiptPrintOutcome: Sendable, Equatable {
    /// The whole receipt was printed and finished as asked, confirmed by the printer's status.
    case printed
    /// The receipt was not (completely) printed; the caller may offer to reprint.
    case notPrinted(ReceiptNotPrintedReason)
}

/// A thermal receipt printer. Implementations serialise jobs; every method is bounded and
/// honours cancellation.
public protocol ReceiptPrinter: Sendable {
    /// What the printer can do.
    var capabilities: ReceiptPrinterCapabilities { get }

    /// Events in the order the hardware reported them. One stream per printer, for one consumer.
    var events: AsyncStream<ReceiptPrinterEvent> { get }

    /// The last known status; parts never read are `.unknown`.
    func status() async -> ReceiptPrinterStatus

    /// Prints `job` and waits up to `bound` for the printer to confirm it. Checks status before
    /// sending and after the job; a job during which the paper ran out, the cover opened or the
    /// printer went offline is never reported as `.printed`.
    /// - Throws: `HALError` `.disconnected` when the port itself is gone; `.busy` when another
    ///   job holds the printer; cancellation.
    func print(_ job: ReceiptPrintJob, bound: Duration) async throws -> ReceiptPrintOutcome
}
