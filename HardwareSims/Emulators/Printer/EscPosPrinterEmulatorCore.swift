import DeviceProtocols

/// The emulated receipt printer as a pure state machine: bytes in (with the time they arrived),
/// status reply bytes out. It parses ESC/POS with the real `EscPosCommandParser`, rebuilds the
/// printed image page by page, answers `10 04 n` from its state and plays scripted faults.
/// No I/O and no clock: `EscPosPrinterEmulator` is the actor shell around it.
public struct EscPosPrinterEmulatorCore: Sendable {
    /// Paper width in dots: 384 (58 mm), 512 or 576 (80 mm); a multiple of 8.
    public let paperWidth: Int
    /// Dot rows fed per line by `1B 64 n` (the default 1/6 inch line is 30 dots at 203 dpi).
    public let lineHeight: Int
    /// Whether a `10 04 n` inside raster data is answered, as real printers do.
    public let answersQueriesInImageData: Bool

    /// The roll paper as the sensors see it.
    public internal(set) var paper: PrinterCondition.Paper = .ok
    /// Whether the cover is open.
    public internal(set) var coverOpen = false
    /// Whether the auto-cutter reports an error.
    public internal(set) var cutterError = false
    /// Whether the printer is online; offline it prints nothing and answers no status query.
    public internal(set) var online = true
    /// Whether printing stopped (paper out, cover open, offline, cutter error) and waits for the
    /// cause to clear and `1B 40` to arrive; meanwhile every command but a status query is dropped.
    public internal(set) var isStopped = false
    /// Alignment applied to the next raster strips.
    public internal(set) var alignment: EscPosAlignment = .left
    /// Finished pages, oldest first.
    public internal(set) var pages: [PrintedPage] = []
    /// What happened, oldest first.
    public internal(set) var log: [PrinterLogEntry] = []
    /// The serve loop's reading pace while a slow-consumer fault holds, else `nil`.
    public internal(set) var readPace: PrinterReadPace?
    /// Total bytes received since creation.
    public internal(set) var bytesReceived = 0
    /// Total raster rows printed since creation.
    public internal(set) var rasterRowsPrinted = 0

    /// Bytes per packed row of the page.
    var bytesPerRow: Int { paperWidth / 8 }
    /// The packed rows of the page in progress.
    var pageRows: [UInt8] = []
    /// Rows of the page in progress.
    var pageRowCount = 0
    /// Whether the next cut fails.
    var cutterFailsOnNextCut = false
    /// Faults not yet activated.
    var pendingFaults: [PrinterScheduledFault] = []
    /// The time of the bytes being handled, for the log.
    var now: Duration = .zero
    /// The real ESC/POS parser.
    var parser: EscPosCommandParser

    /// A printer with paper, cover closed, online, and `faults` installed (immediate ones act now).
    /// - Throws: `PrinterControlError` for a width that is not a multiple of 8 in 8...4096 dots or
    ///   a line height outside 1...255 dots.
    public init(
        paperWidth: Int = 576, lineHeight: Int = 30, answersQueriesInImageData: Bool = true,
        faults: PrinterFaultPlan = PrinterFaultPlan()
    ) throws(PrinterControlError) {
        guard paperWidth >= 8, paperWidth <= 4096, paperWidth % 8 == 0 else {
            throw .invalidPaperWidth(paperWidth)
        }
        guard (1...255).contains(lineHeight) else { throw .invalidLineHeight(lineHeight) }
        self.paperWidth = paperWidth
        self.lineHeight = lineHeight
        self.answersQueriesInImageData = answersQueriesInImageData
        self.parser = EscPosCommandParser(reportsQueriesInImageData: answersQueriesInImageData)
        install(faults)
    }

    /// The condition the four status replies describe. As on real printers, the printer
    /// reports itself offline (n=1) while the cover is open, the paper is out, the cutter failed
    /// or printing is stopped; the error bit (n=2 bit 6) follows the cutter error.
    public var condition: PrinterCondition {
        PrinterCondition(
            online: online && !coverOpen && paper != .out && !cutterError && !isStopped,
            coverOpen: coverOpen, paper: paper, error: cutterError,
            cutterError: cutterError, unrecoverable: false, autoRecoverable: false)
    }

    /// The reply byte to `10 04 n` in the current state, or `nil` while offline (no reply).
    public func statusReply(to request: EscPosStatusRequest) -> UInt8? {
        guard online else { return nil }
        return condition.replies.first { $0.request == request }?.replyByte
    }

    /// Whether a print command would be executed now.
    var canPrint: Bool {
        online && !coverOpen && paper != .out && !cutterError && !isStopped
    }

    /// Handles `bytes` received at `time` and returns the status reply bytes to send, in order.
    /// Byte-count faults fire exactly at their byte, before it is parsed.
    public mutating func receive(_ bytes: [UInt8], at time: Duration) -> [UInt8] {
        now = time
        var replies: [UInt8] = []
        var index = 0
        while index < bytes.count {
            activateByteFaults()
            let take = min(bytes.count - index, bytesUntilNextByteFault ?? bytes.count)
            let chunk = Array(bytes[index..<(index + max(take, 1))])
            index += chunk.count
            bytesReceived += chunk.count
            for item in parser.feed(chunk) {
                handle(item, replies: &replies)
            }
        }
        activateByteFaults()
        return replies
    }

    /// Appends `event` to the log at the current time.
    mutating func record(_ event: PrinterLogEntry.Event) {
        log.append(PrinterLogEntry(at: now, event: event))
    }

    /// Executes or answers one parsed item.
    private mutating func handle(_ item: EscPosParsedItem, replies: inout [UInt8]) {
        switch item {
        case let .command(.statusQuery(request)):
            answer(request, insideImage: false, replies: &replies)
        case let .statusQueryInImageData(request):
            answer(request, insideImage: true, replies: &replies)
        case let .command(command):
            execute(command)
        case let .unknown(bytes):
            record(.unknownBytes(count: bytes.count))
        case let .oversizedImage(widthBytes, height):
            record(.oversizedImage(widthBytes: widthBytes, height: height))
        }
    }

    /// Answers one status query, or records that none was sent while offline.
    private mutating func answer(_ request: EscPosStatusRequest, insideImage: Bool, replies: inout [UInt8]) {
        guard let byte = statusReply(to: request) else {
            record(.statusUnanswered(request))
            return
        }
        replies.append(byte)
        record(.statusAnswered(request, reply: byte, insideImage: insideImage))
    }
}
