/// A print job as a value: an ordered list of ESC/POS commands whose `bytes` go to the printer
/// in one write. Images are split into `GS v 0` strips of at most `maxStripRows` rows.
///
/// Building does no I/O. Status queries are deliberately not part of a job: the printer reads
/// `10 04 n` even inside image data, so they belong between whole jobs.
public struct EscPosJob: Hashable, Sendable {
    /// Default strip height in rows; 256 is safe on every model met so far.
    public static let defaultMaxStripRows = 256
    /// Largest width of one raster row in bytes (`xL + 256·xH`).
    public static let maxWidthBytes = 65_535
    /// Largest height of one strip in rows (`yL + 256·yH`).
    public static let maxStripRowsLimit = 65_535

    /// The commands in order; raster images appear as their strips.
    public private(set) var commands: [EscPosCommand] = []
    /// Most rows per `GS v 0` strip, 1...`maxStripRowsLimit`.
    public let maxStripRows: Int

    /// An empty job; throws `EscPosJobError.invalidStripRows` unless `maxStripRows` is in
    /// 1...`maxStripRowsLimit`.
    public init(maxStripRows: Int = EscPosJob.defaultMaxStripRows) throws(EscPosJobError) {
        guard maxStripRows >= 1, maxStripRows <= Self.maxStripRowsLimit else {
            throw .invalidStripRows(maxStripRows)
        }
        self.maxStripRows = maxStripRows
    }

    /// Appends `1B 40` (reset modes, clear buffer).
    public mutating func initialize() {
        commands.append(.initialize)
    }

    /// Appends `1C 2E` (leave Kanji mode so bytes ≥ 0x80 are not eaten as double-byte text).
    public mutating func cancelKanjiMode() {
        commands.append(.cancelKanjiMode)
    }

    /// Appends `1B 61 n` for `alignment`.
    public mutating func align(_ alignment: EscPosAlignment) {
        commands.append(.align(alignment))
    }

    /// Appends `1B 64 n`: feed `lines` lines (0...255).
    public mutating func feed(lines: UInt8) {
        commands.append(.feedLines(lines))
    }

    /// Appends `bitmap` as `GS v 0` strips of at most `maxStripRows` rows each, the width
    /// rounded up to whole bytes (extra dots white). Throws `EscPosJobError.imageTooWide` when a
    /// row needs more than `maxWidthBytes` bytes; nothing is appended then.
    public mutating func image(_ bitmap: MonoBitmap, scale: EscPosRasterScale = .normal) throws(EscPosJobError) {
        let widthBytes = bitmap.bytesPerRow
        guard widthBytes <= Self.maxWidthBytes else {
            throw .imageTooWide(widthBytes: widthBytes)
        }
        var strips: [EscPosCommand] = []
        var top = 0
        while top < bitmap.height {
            let bottom = min(top + maxStripRows, bitmap.height)
            let strip: MonoBitmap
            do throws(MonoBitmapError) {
                strip = try MonoBitmap(
                    width: widthBytes * 8,
                    height: bottom - top,
                    packedRows: Array(bitmap.packedRows(top..<bottom))
                )
            } catch {
                // Unreachable for a valid bitmap: the padding of `bitmap` is white by construction.
                throw .invalidStrip(error)
            }
            strips.append(.rasterImage(strip, scale: scale))
            top = bottom
        }
        commands += strips
    }

    /// Appends a cut: `1D 56 42 n` (partial) or `1D 56 41 n` (full) after feeding `feed` units,
    /// or the plain `1D 56 01`/`00` when `feed` is `nil`.
    public mutating func cut(_ kind: EscPosCut.Kind, feed: UInt8? = nil) {
        commands.append(.cut(EscPosCut(kind, feedBeforeCut: feed)))
    }

    /// The usual receipt opening: `initialize`, `cancelKanjiMode`, then `align(alignment)`.
    public mutating func begin(alignment: EscPosAlignment = .center) {
        initialize()
        cancelKanjiMode()
        align(alignment)
    }

    /// The job's exact bytes, commands in order.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(byteCount)
        for command in commands {
            command.append(to: &out)
        }
        return out
    }

    /// Number of bytes `bytes` produces, computed without building them.
    public var byteCount: Int {
        commands.reduce(0) { total, command in
            switch command {
            case .initialize, .cancelKanjiMode: total + 2
            case .align, .feedLines, .statusQuery: total + 3
            case let .cut(cut): total + (cut.feedBeforeCut == nil ? 3 : 4)
            case let .rasterImage(bitmap, _): total + 8 + bitmap.rows.count
            }
        }
    }
}

/// Why an `EscPosJob` could not be built.
public enum EscPosJobError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The strip height is outside 1...`EscPosJob.maxStripRowsLimit` rows.
    case invalidStripRows(Int)
    /// The image needs more than `EscPosJob.maxWidthBytes` bytes per row.
    case imageTooWide(widthBytes: Int)
    /// A strip could not be cut out of the image (the bitmap's own error).
    case invalidStrip(MonoBitmapError)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case let .invalidStripRows(rows):
            "strip height \(rows) rows is outside 1...\(EscPosJob.maxStripRowsLimit)"
        case let .imageTooWide(widthBytes):
            "image row of \(widthBytes) bytes exceeds \(EscPosJob.maxWidthBytes)"
        case let .invalidStrip(error):
            "raster strip rejected: \(error)"
        }
    }
}
