/// The printer's condition as the four real-time status replies (`10 04 1`…`10 04 4`) describe
/// it together; what a driver maps to the HAL's printer status.
public struct PrinterCondition: Hashable, Sendable {
    /// The roll paper as the sensors see it.
    public enum Paper: String, Hashable, Sendable, CaseIterable {
        /// Enough paper.
        case ok
        /// The near-end sensor triggered; a few metres are left.
        case nearEnd
        /// No paper, or printing stopped by paper end.
        case out
    }

    /// The printer accepts and prints data (n=1 bit 3 clear).
    public var online: Bool
    /// The cover is open (n=2 bit 2).
    public var coverOpen: Bool
    /// Paper level, worst of the paper sensor (n=4) and "stopped by paper end" (n=2 bit 5).
    public var paper: Paper
    /// The printer reports an error condition (n=2 bit 6).
    public var error: Bool
    /// The auto-cutter failed (n=3 bit 3).
    public var cutterError: Bool
    /// An unrecoverable error occurred; only a power cycle or a technician helps (n=3 bit 5).
    public var unrecoverable: Bool
    /// An error that clears by itself (head overheat, cover opened while printing) (n=3 bit 6).
    public var autoRecoverable: Bool

    /// A condition from its parts.
    public init(
        online: Bool, coverOpen: Bool, paper: Paper, error: Bool = false,
        cutterError: Bool, unrecoverable: Bool, autoRecoverable: Bool
    ) {
        self.online = online
        self.coverOpen = coverOpen
        self.paper = paper
        self.error = error
        self.cutterError = cutterError
        self.unrecoverable = unrecoverable
        self.autoRecoverable = autoRecoverable
    }

    /// Combines one decoded reply per query, in any order; throws
    /// `EscPosStatusError.wrongReplyCount` unless each of n = 1...4 appears exactly once.
    public init(_ replies: [EscPosStatus]) throws(EscPosStatusError) {
        guard replies.count == 4,
              Set(replies.map(\.request)) == Set(EscPosStatusRequest.allCases)
        else {
            throw .wrongReplyCount(replies.count)
        }
        var online = true
        var coverOpen = false
        var stoppedByPaperEnd = false
        var error = false
        var cutterError = false
        var unrecoverable = false
        var autoRecoverable = false
        var nearEnd = false
        var paperEnd = false
        for reply in replies {
            switch reply {
            case let .printer(offline):
                online = !offline
            case let .offlineCause(cover, stopped, failed):
                coverOpen = cover
                stoppedByPaperEnd = stopped
                error = failed
            case let .errorCause(cutter, fatal, transient):
                cutterError = cutter
                unrecoverable = fatal
                autoRecoverable = transient
            case let .paperSensor(near, end):
                nearEnd = near
                paperEnd = end
            }
        }
        let paper: Paper = (paperEnd || stoppedByPaperEnd) ? .out : (nearEnd ? .nearEnd : .ok)
        self.init(
            online: online, coverOpen: coverOpen, paper: paper, error: error,
            cutterError: cutterError, unrecoverable: unrecoverable, autoRecoverable: autoRecoverable
        )
    }

    /// Decodes the raw reply bytes to `10 04 1`, `10 04 2`, `10 04 3`, `10 04 4` in that order;
    /// throws `EscPosStatusError` for a wrong count or a byte without the reply pattern.
    public init(replyBytes bytes: [UInt8]) throws(EscPosStatusError) {
        guard bytes.count == EscPosStatusRequest.allCases.count else {
            throw .wrongReplyCount(bytes.count)
        }
        var replies: [EscPosStatus] = []
        for (byte, request) in zip(bytes, EscPosStatusRequest.allCases) {
            replies.append(try EscPosStatus(reply: byte, to: request))
        }
        try self.init(replies)
    }

    /// The four canonical replies (n = 1...4) that describe this condition, as an emulator sends them.
    public var replies: [EscPosStatus] {
        [
            .printer(offline: !online),
            .offlineCause(coverOpen: coverOpen, stoppedByPaperEnd: paper == .out, error: error),
            .errorCause(cutterError: cutterError, unrecoverable: unrecoverable, autoRecoverable: autoRecoverable),
            .paperSensor(nearEnd: paper != .ok, paperEnd: paper == .out),
        ]
    }

    /// Whether a job sent now can be expected to print: online, cover closed, paper not out,
    /// and no cutter or unrecoverable error.
    public var isReadyToPrint: Bool {
        online && !coverOpen && paper != .out && !cutterError && !unrecoverable
    }
}
