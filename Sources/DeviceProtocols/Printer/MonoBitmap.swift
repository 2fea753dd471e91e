/// A 1-bit raster as a thermal printer prints it: rows packed eight dots per byte, the most
/// significant bit is the leftmost dot, a set bit is black.
///
/// Width is in dots; a row occupies `bytesPerRow = ceil(width / 8)` bytes and the unused low bits
/// of a row's last byte are always 0 (white), so two bitmaps of the same picture compare equal.
public struct MonoBitmap: Hashable, Sendable {
    /// Largest width in dots: 65 535 bytes per row, the most `GS v 0` can describe.
    public static let maxWidth = 65_535 * 8
    /// Largest height in dots (rows); a receipt 2 m long at 203 dpi is ~16 000 rows.
    public static let maxHeight = 65_535
    /// Largest packed size in bytes (16 MiB), so a corrupt size never allocates gigabytes.
    public static let maxByteCount = 16 * 1024 * 1024

    /// Width in dots, 1...`maxWidth`.
    public let width: Int
    /// Height in rows, 1...`maxHeight`.
    public let height: Int
    /// `bytesPerRow * height` bytes, row after row from the top.
    public let rows: [UInt8]

    /// Bytes per packed row: `ceil(width / 8)`.
    public var bytesPerRow: Int { (width + 7) / 8 }

    /// A bitmap over already packed rows; throws `MonoBitmapError` for an empty or oversized
    /// side, a buffer that is not `ceil(width/8) * height` bytes, or padding bits set to 1.
    public init(width: Int, height: Int, packedRows: [UInt8]) throws(MonoBitmapError) {
        let count = try Self.validatedByteCount(width: width, height: height)
        guard packedRows.count == count else {
            throw .bufferSizeMismatch(expected: count, actual: packedRows.count)
        }
        let padding = Self.paddingMask(width: width)
        if padding != 0 {
            let stride = (width + 7) / 8
            for row in 0..<height where packedRows[row * stride + stride - 1] & padding != 0 {
                throw .paddingBitsSet(row: row)
            }
        }
        self.width = width
        self.height = height
        self.rows = packedRows
    }

    /// A bitmap of `image` where every pixel darker than `threshold` (0...255) becomes a black
    /// dot; `threshold` 128 is mid-grey, 0 gives an all-white bitmap. Throws `MonoBitmapError`
    /// only when the image exceeds the bitmap limits.
    public init(_ image: GreyImage, threshold: UInt8 = 128) throws(MonoBitmapError) {
        let count = try Self.validatedByteCount(width: image.width, height: image.height)
        let stride = (image.width + 7) / 8
        var packed = [UInt8](repeating: 0, count: count)
        let width = image.width
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<image.height {
                let source = y * width
                let target = y * stride
                for x in 0..<width where pixels[source + x] < threshold {
                    packed[target + (x >> 3)] |= 0x80 >> UInt8(x & 7)
                }
            }
        }
        self.width = image.width
        self.height = image.height
        self.rows = packed
    }

    /// Whether the dot at (`x`, `y`) is black; `nil` outside the bitmap.
    public func isBlack(x: Int, y: Int) -> Bool? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return rows[y * bytesPerRow + (x >> 3)] & (0x80 >> UInt8(x & 7)) != 0
    }

    /// The packed bytes of rows `range` (clamped to the bitmap), for emitting strips.
    public func packedRows(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let lower = min(max(range.lowerBound, 0), height)
        let upper = min(max(range.upperBound, lower), height)
        return rows[(lower * bytesPerRow)..<(upper * bytesPerRow)]
    }

    /// Number of black dots, for quick checks in tests and logs.
    public var blackDotCount: Int {
        rows.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Converts back to a grey image (black 0, white 255), e.g. to decode a printed QR code.
    /// Throws `GreyImageError` when the bitmap exceeds the grey image limits.
    public func greyImage() throws(GreyImageError) -> GreyImage {
        var image = try GreyImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width where isBlack(x: x, y: y) == true {
                image.fillRectangle(x: x, y: y, width: 1, height: 1, value: GreyImage.black)
            }
        }
        return image
    }

    /// The low bits of a row's last byte that lie beyond `width`; 0 when width is a multiple of 8.
    static func paddingMask(width: Int) -> UInt8 {
        let used = width & 7
        return used == 0 ? 0 : UInt8(0xFF >> used)
    }

    /// `ceil(width/8) * height` when both sides are within the limits, else the matching error.
    private static func validatedByteCount(width: Int, height: Int) throws(MonoBitmapError) -> Int {
        guard width > 0, height > 0 else {
            throw .emptyDimension(width: width, height: height)
        }
        guard width <= maxWidth, height <= maxHeight else {
            throw .tooLarge(width: width, height: height)
        }
        let count = (width + 7) / 8 * height
        guard count <= maxByteCount else {
            throw .tooLarge(width: width, height: height)
        }
        return count
    }
}

/// Why a `MonoBitmap` could not be made.
public enum MonoBitmapError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Width or height is 0 or negative (dots).
    case emptyDimension(width: Int, height: Int)
    /// A side exceeds `MonoBitmap.maxWidth`/`maxHeight` or the packed size `maxByteCount`.
    case tooLarge(width: Int, height: Int)
    /// The packed buffer does not hold exactly `ceil(width/8) * height` bytes.
    case bufferSizeMismatch(expected: Int, actual: Int)
    /// A row sets bits beyond `width` in its last byte (0-based row index).
    case paddingBitsSet(row: Int)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case let .emptyDimension(width, height):
            "bitmap size \(width)×\(height) has an empty side"
        case let .tooLarge(width, height):
            "bitmap size \(width)×\(height) exceeds the raster limits"
        case let .bufferSizeMismatch(expected, actual):
            "bitmap buffer holds \(actual) bytes, expected \(expected)"
        case let .paddingBitsSet(row):
            "bitmap row \(row) has dots beyond its width"
        }
    }
}
