/// What a receipt printer can do; fixed for its lifetime (a per-model profile value).
public struct ReceiptPrinterCapabilities: Sendable, Equatable {
    /// Printable width in dots, e.g. 384 (58 mm), 512 or 576 (80 mm); at least 8.
    public var paperWidthDots: Int
    /// Resolution in dots per inch, e.g. 203 or 180.
    public var dotsPerInch: Int
    /// The printer has an auto-cutter; without one, cuts are skipped and the job is still printed.
    public var hasCutter: Bool
    /// The printer has a near-end sensor, so `paper` can be `.nearEnd` before it is `.out`.
    public var reportsPaperNearEnd: Bool

    /// Capabilities.
    public init(paperWidthDots: Int, dotsPerInch: Int, hasCutter: Bool, reportsPaperNearEnd: Bool) {
        self.paperWidthDots = paperWidthDots
        self.dotsPerInch = dotsPerInch
        self.hasCutter = hasCutter
        self.reportsPaperNearEnd = reportsPaperNearEnd
    }

    /// Printable width in millimetres (dots / dpi × 25.4).
    public var paperWidthMillimetres: Double {
        guard dotsPerInch > 0 else { return 0 }
        return Double(paperWidthDots) / Double(dotsPerInch) * 25.4
    }
}

/// What the printer hardware last said about itself.
public struct ReceiptPrinterStatus: Sendable, Equatable {
    /// The paper roll.
    public enum Paper: String, Sendable, Equatable, CaseIterable {
        /// Enough paper.
        case ok
        /// The near-end sensor triggered: replace the roll soon.
        case nearEnd
        /// No paper: nothing prints.
        case out
        /// Not known (never read, or the printer is unreachable).
        case unknown
    }

    /// The printer cover.
    public enum Cover: String, Sendable, Equatable, CaseIterable {
        /// Closed: printing possible.
        case closed
        /// Open: nothing prints.
        case open
        /// Not known.
        case unknown
    }

    /// The auto-cutter.
    public enum Cutter: String, Sendable, Equatable, CaseIterable {
        /// Working.
        case ok
        /// Failed; a technician is needed.
        case error
        /// Not known.
        case unknown
        /// The printer has no cutter.
        case absent
    }

    /// The device as a whole (XFS4IoT common status).
    public var device: DeviceStatus
    /// The paper roll.
    public var paper: Paper
    /// The cover.
    public var cover: Cover
    /// The cutter.
    public var cutter: Cutter

    /// A status snapshot.
    public init(device: DeviceStatus, paper: Paper, cover: Cover, cutter: Cutter) {
        self.device = device
        self.paper = paper
        self.cover = cover
        self.cutter = cutter
    }

    /// Nothing known yet.
    public static let unknown = ReceiptPrinterStatus(device: .unknown, paper: .unknown, cover: .unknown, cutter: .unknown)

    /// Whether a job sent now can be expected to print: online, paper not out, cover closed,
    /// cutter not in error. Unknown parts count as not ready.
    public var isReadyToPrint: Bool {
        device == .online && (paper == .ok || paper == .nearEnd) && cover == .closed
            && (cutter == .ok || cutter == .absent)
    }
}
