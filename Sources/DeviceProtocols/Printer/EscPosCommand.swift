/// Horizontal alignment for what follows (`ESC a n`); also applies to raster images.
public enum EscPosAlignment: UInt8, Hashable, Sendable, CaseIterable {
    /// Flush left (`n` = 0).
    case left = 0
    /// Centred (`n` = 1).
    case center = 1
    /// Flush right (`n` = 2).
    case right = 2
}

/// The scale byte `m` of `GS v 0`: how each dot of the raster is enlarged.
public enum EscPosRasterScale: UInt8, Hashable, Sendable, CaseIterable {
    /// One dot per dot (`m` = 0).
    case normal = 0
    /// Each dot twice as wide (`m` = 1).
    case doubleWidth = 1
    /// Each dot twice as tall (`m` = 2).
    case doubleHeight = 2
    /// Each dot twice as wide and twice as tall (`m` = 3).
    case quadruple = 3
}

/// How the paper is cut (`GS V`).
public struct EscPosCut: Hashable, Sendable {
    /// Whether the cut leaves a bridge of paper.
    public enum Kind: Hashable, Sendable {
        /// A full cut through the paper.
        case full
        /// A partial cut leaving a small bridge.
        case partial
    }

    /// Full or partial.
    public var kind: Kind
    /// Motion units to feed before cutting (`GS V 41/42 n`), or `nil` for the plain form
    /// `GS V 00/01` that cuts where the paper stands.
    public var feedBeforeCut: UInt8?

    /// A cut; `feedBeforeCut` 0...255 motion units, `nil` for the plain form.
    public init(_ kind: Kind, feedBeforeCut: UInt8? = nil) {
        self.kind = kind
        self.feedBeforeCut = feedBeforeCut
    }
}

/// Which real-time status a `DLE EOT n` query asks for (`n` = 1...4).
public enum EscPosStatusRequest: UInt8, Hashable, Sendable, CaseIterable {
    /// `n` = 1: printer status (online/offline).
    case printer = 1
    /// `n` = 2: offline cause (cover, paper end, error).
    case offlineCause = 2
    /// `n` = 3: error cause (cutter, unrecoverable, auto-recoverable).
    case errorCause = 3
    /// `n` = 4: roll paper sensor (near end, end).
    case paperSensor = 4

    /// The three query bytes `10 04 n`; the printer answers with exactly one byte.
    public var queryBytes: [UInt8] { [0x10, 0x04, rawValue] }
}

/// One ESC/POS command of the subset a receipt needs; `bytes` is its exact wire form.
public enum EscPosCommand: Hashable, Sendable {
    /// `1B 40`: reset modes and clear the buffer; start of a job only.
    case initialize
    /// `1C 2E`: leave Kanji (double-byte) mode, which cheap printers boot into.
    case cancelKanjiMode
    /// `1B 61 n`: alignment for what follows.
    case align(EscPosAlignment)
    /// `1B 64 n`: print the buffer and feed `n` lines (0...255).
    case feedLines(UInt8)
    /// `1D 76 30 m xL xH yL yH d…`: one raster strip; the bitmap's width is a multiple of 8 dots
    /// (width in bytes × 8) and its height is the strip's rows.
    case rasterImage(MonoBitmap, scale: EscPosRasterScale)
    /// `1D 56 …`: cut the paper, optionally after feeding.
    case cut(EscPosCut)
    /// `10 04 n`: real-time status query; send only between whole jobs.
    case statusQuery(EscPosStatusRequest)

    /// The exact bytes of the command. A raster strip emits `bytesPerRow * height` data bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        append(to: &out)
        return out
    }

    /// Appends the exact bytes of the command to `out`.
    public func append(to out: inout [UInt8]) {
        switch self {
        case .initialize:
            out += [0x1B, 0x40]
        case .cancelKanjiMode:
            out += [0x1C, 0x2E]
        case let .align(alignment):
            out += [0x1B, 0x61, alignment.rawValue]
        case let .feedLines(lines):
            out += [0x1B, 0x64, lines]
        case let .rasterImage(bitmap, scale):
            let widthBytes = bitmap.bytesPerRow
            let height = bitmap.height
            out += [
                0x1D, 0x76, 0x30, scale.rawValue,
                UInt8(truncatingIfNeeded: widthBytes), UInt8(truncatingIfNeeded: widthBytes >> 8),
                UInt8(truncatingIfNeeded: height), UInt8(truncatingIfNeeded: height >> 8),
            ]
            out += bitmap.rows
        case let .cut(cut):
            switch (cut.kind, cut.feedBeforeCut) {
            case (.full, nil): out += [0x1D, 0x56, 0x00]
            case (.partial, nil): out += [0x1D, 0x56, 0x01]
            case let (.full, feed?): out += [0x1D, 0x56, 0x41, feed]
            case let (.partial, feed?): out += [0x1D, 0x56, 0x42, feed]
            }
        case let .statusQuery(request):
            out += request.queryBytes
        }
    }
}
