import DeviceProtocols

/// One thing that happened inside the printer emulator, for tests and the technician panel.
public struct PrinterLogEntry: Sendable, Equatable {
    /// When, as a duration since the emulator started.
    public var at: Duration
    /// What happened.
    public var event: Event

    /// A log entry.
    public init(at: Duration, event: Event) {
        self.at = at
        self.event = event
    }

    /// What happened: a command, a status answer, a stop or a fault.
    public enum Event: Sendable, Equatable {
        /// `1B 40` reset the modes (and resumed printing if the printer was stopped and ready).
        case initialized
        /// Alignment changed.
        case aligned(EscPosAlignment)
        /// Blank rows fed (count of dot rows).
        case fed(rows: Int)
        /// A raster strip printed (rows printed, rows received).
        case rasterPrinted(rows: Int, of: Int)
        /// Dots beyond the paper's edge were cut off (strip width in dots after scaling).
        case rasterClipped(width: Int)
        /// The paper was cut and a page finished (0-based page index).
        case cut(EscPosCut.Kind, page: Int)
        /// A cut arrived with nothing printed since the last one.
        case emptyCut(EscPosCut.Kind)
        /// The cutter failed; the page was kept uncut (0-based page index, or `nil` if empty).
        case cutterFailed(page: Int?)
        /// A status query was answered (n, reply byte); `insideImage` for one found in image data.
        case statusAnswered(EscPosStatusRequest, reply: UInt8, insideImage: Bool)
        /// A status query got no reply because the printer is offline.
        case statusUnanswered(EscPosStatusRequest)
        /// Printing stopped (paper out, cover open, offline or cutter error); the page in
        /// progress, if any, was kept as incomplete (its 0-based index).
        case stopped(page: Int?)
        /// A command was dropped because the printer is stopped.
        case commandDropped(EscPosCommand)
        /// Bytes that formed no supported command were ignored (count).
        case unknownBytes(count: Int)
        /// A raster header too large to rebuild was skipped (width in bytes, rows).
        case oversizedImage(widthBytes: Int, height: Int)
        /// Rows beyond the largest page were dropped (count).
        case pageOverflow(rows: Int)
        /// A scripted fault took effect.
        case faultActivated(PrinterFault)
        /// A control action changed the printer (short English text, e.g. `paper out`).
        case control(String)
    }
}
