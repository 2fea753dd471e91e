/// A job for a receipt printer: a 1-bit picture of the whole receipt plus how to finish it.
/// Device-neutral; drivers translate it to their command set.
public struct ReceiptPrintJob: Sendable, Equatable {
    /// How the receipt is separated from the roll after printing.
    public enum Finish: String, Sendable, Equatable {
        /// Partial cut (leaves a bridge), the default for receipts.
        case partialCut
        /// Full cut.
        case fullCut
        /// Feed only; the citizen tears the paper.
        case feedOnly
    }

    /// An identifier for logs and journal entries (no personal data).
    public let id: String
    /// Width of the picture in dots, 1...65 535·8.
    public let widthDots: Int
    /// Height of the picture in dots (rows), at least 1.
    public let heightDots: Int
    /// Rows of `ceil(widthDots / 8)` bytes, most significant bit = leftmost dot, 1 = black.
    public let packedRows: [UInt8]
    /// Blank lines fed after the picture and before the cut, 0...255.
    public let feedLines: UInt8
    /// How to finish.
    public let finish: Finish

    /// A job; throws `ReceiptPrintJobError` when a side is not positive, the width exceeds
    /// 65 535 bytes per row, or `packedRows` is not `ceil(widthDots / 8) * heightDots` bytes.
    public init(
        id: String, widthDots: Int, heightDots: Int, packedRows: [UInt8],
        feedLines: UInt8 = 4, finish: Finish = .partialCut
    ) throws(ReceiptPrintJobError) {
        guard widthDots > 0, heightDots > 0 else {
            throw .emptyDimension(widthDots: widthDots, heightDots: heightDots)
        }
        guard widthDots <= 65_535 * 8 else { throw .tooWide(widthDots: widthDots) }
        let (count, overflow) = ((widthDots + 7) / 8).multipliedReportingOverflow(by: heightDots)
        guard !overflow, packedRows.count == count else {
            throw .bufferSizeMismatch(expected: overflow ? Int.max : count, actual: packedRows.count)
        }
        self.id = id
        self.widthDots = widthDots
        self.heightDots = heightDots
        self.packedRows = packedRows
        self.feedLines = feedLines
        self.finish = finish
    }
}

/// Why a `ReceiptPrintJob` could not be made.
public enum ReceiptPrintJobError: Error, Sendable, Equatable {
    /// A side is 0 or negative (dots).
    case emptyDimension(widthDots: Int, heightDots: Int)
    /// Wider than 65 535 bytes (524 280 dots) per row.
    case tooWide(widthDots: Int)
    /// `packedRows` does not hold `ceil(widthDots / 8) * heightDots` bytes.
    case bufferSizeMismatch(expected: Int, actual: Int)
}
