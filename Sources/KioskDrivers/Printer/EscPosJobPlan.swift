import DeviceProtocols
import KioskHAL

/// A `ReceiptPrintJob` translated to the exact bytes an ESC/POS printer receives, plus what the
/// driver must expect back: `1B 40`, `1C 2E`, `1B 61 n`, the picture as `GS v 0` strips, `1B 64 n`
/// for the feed lines, and `1D 56` for the cut (left out when the printer has no cutter or the
/// job asks for `feedOnly`). Pure; no I/O.
public struct EscPosJobPlan: Sendable, Equatable {
    /// The job's bytes in order.
    public let bytes: [UInt8]
    /// How many `10 04 n` sequences (n = 1...4) occur inside the raster data. A printer answers
    /// each with one status byte, as if it were a query, so exactly this many stray replies
    /// come before the answers to the status read that follows the job.
    public let strayStatusReplies: Int
    /// Number of `GS v 0` strips.
    public let stripCount: Int

    /// Translates `job` for a printer with `capabilities`, aligning the picture with `alignment`
    /// and cutting strips of at most `maxStripRows` rows. Padding bits beyond `widthDots` in a
    /// row's last byte are printed white.
    /// - Throws: `EscPosJobError` for a strip height outside 1...65 535 (configuration error).
    public init(
        job: ReceiptPrintJob, capabilities: ReceiptPrinterCapabilities,
        alignment: EscPosAlignment = .center, maxStripRows: Int = EscPosJob.defaultMaxStripRows
    ) throws(EscPosJobError) {
        var escPos = try EscPosJob(maxStripRows: maxStripRows)
        escPos.begin(alignment: alignment)
        let bitmap: MonoBitmap
        do throws(MonoBitmapError) {
            bitmap = try MonoBitmap(width: job.widthDots, height: job.heightDots, packedRows: Self.clearingPadding(job))
        } catch {
            throw .invalidStrip(error)
        }
        try escPos.image(bitmap)
        escPos.feed(lines: job.feedLines)
        if capabilities.hasCutter {
            switch job.finish {
            case .partialCut: escPos.cut(.partial)
            case .fullCut: escPos.cut(.full)
            case .feedOnly: break
            }
        }
        let bytes = escPos.bytes
        var counter = EscPosCommandParser(reportsQueriesInImageData: true)
        var strays = 0
        for item in counter.feed(bytes) {
            if case .statusQueryInImageData = item { strays += 1 }
        }
        self.bytes = bytes
        self.strayStatusReplies = strays
        self.stripCount = escPos.commands.reduce(0) { count, command in
            if case .rasterImage = command { return count + 1 }
            return count
        }
    }

    /// `job`'s packed rows with every bit beyond `widthDots` cleared.
    static func clearingPadding(_ job: ReceiptPrintJob) -> [UInt8] {
        let used = job.widthDots & 7
        guard used != 0 else { return job.packedRows }
        let keep = UInt8(truncatingIfNeeded: 0xFF00 >> used)
        let stride = (job.widthDots + 7) / 8
        var rows = job.packedRows
        for row in 0..<job.heightDots {
            rows[row * stride + stride - 1] &= keep
        }
        return rows
    }
}

/// The status queries `10 04 1`…`10 04 4` in one write, answered by one byte each.
enum EscPosStatusQueries {
    /// `10 04 01 10 04 02 10 04 03 10 04 04`.
    static let bytes: [UInt8] = EscPosStatusRequest.allCases.flatMap(\.queryBytes)
    /// Replies expected: one per query.
    static let replyCount = EscPosStatusRequest.allCases.count
}
