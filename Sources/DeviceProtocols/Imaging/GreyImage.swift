/// An 8-bit greyscale raster, row-major, one byte per pixel: 0 is black, 255 is white.
///
/// This is the common currency between the QR rasteriser, the text rasteriser, the barcode
/// decoder and (later) the ESC/POS raster encoder. Coordinates are in pixels with the origin at
/// the top-left corner; `x` grows to the right, `y` grows downwards.
public struct GreyImage: Hashable, Sendable {
    /// Largest accepted width or height in pixels (a receipt 2 m long at 203 dpi is ~16 000 dots).
    public static let maxDimension = 16_384
    /// Largest accepted pixel count (32 MiB), so a corrupt size can never allocate gigabytes.
    public static let maxPixelCount = 32 * 1024 * 1024

    /// The value of a black pixel.
    public static let black: UInt8 = 0
    /// The value of a white pixel.
    public static let white: UInt8 = 255

    /// Width in pixels, 1...`maxDimension`.
    public let width: Int
    /// Height in pixels, 1...`maxDimension`.
    public let height: Int
    /// `width * height` bytes, row after row from the top; 0 = black, 255 = white.
    public private(set) var pixels: [UInt8]

    /// An image over an existing buffer; throws `GreyImageError` when a dimension is 0 or
    /// negative, exceeds the limits, or `pixels.count != width * height`.
    public init(width: Int, height: Int, pixels: [UInt8]) throws(GreyImageError) {
        let count = try Self.validatedPixelCount(width: width, height: height)
        guard pixels.count == count else {
            throw .bufferSizeMismatch(expected: count, actual: pixels.count)
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image of one uniform value (white unless given); throws `GreyImageError` for a
    /// dimension that is 0, negative or over the limits.
    public init(width: Int, height: Int, filledWith value: UInt8 = GreyImage.white) throws(GreyImageError) {
        let count = try Self.validatedPixelCount(width: width, height: height)
        self.width = width
        self.height = height
        self.pixels = [UInt8](repeating: value, count: count)
    }

    /// The pixel at (`x`, `y`), or `nil` when the point lies outside the image.
    public func pixel(x: Int, y: Int) -> UInt8? {
        guard contains(x: x, y: y) else { return nil }
        return pixels[y * width + x]
    }

    /// Whether (`x`, `y`) lies inside the image.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// One row of pixels, `width` bytes, or `nil` when `y` is outside 0..<height.
    public func row(_ y: Int) -> ArraySlice<UInt8>? {
        guard y >= 0 && y < height else { return nil }
        let start = y * width
        return pixels[start..<(start + width)]
    }

    /// Sets every pixel of the rectangle to `value`, clipping it to the image; parts outside
    /// the image (including negative origins) are ignored, never an error.
    public mutating func fillRectangle(x: Int, y: Int, width rectWidth: Int, height rectHeight: Int, value: UInt8) {
        guard rectWidth > 0, rectHeight > 0 else { return }
        let left = max(x, 0)
        let top = max(y, 0)
        // Clamp the far edges before adding so huge rectangles cannot overflow.
        let right = x > width - rectWidth ? width : x + rectWidth
        let bottom = y > height - rectHeight ? height : y + rectHeight
        guard left < right, top < bottom else { return }
        let imageWidth = width
        pixels.withUnsafeMutableBufferPointer { buffer in
            for row in top..<bottom {
                let start = row * imageWidth
                for column in left..<right {
                    buffer[start + column] = value
                }
            }
        }
    }

    /// Number of pixels darker than `threshold` (default: mid-grey 128), for quick checks.
    public func darkPixelCount(threshold: UInt8 = 128) -> Int {
        var count = 0
        for value in pixels where value < threshold {
            count += 1
        }
        return count
    }

    /// `width * height` when both are in 1...`maxDimension` and the product is within
    /// `maxPixelCount`; otherwise the matching `GreyImageError`.
    private static func validatedPixelCount(width: Int, height: Int) throws(GreyImageError) -> Int {
        guard width > 0, height > 0 else {
            throw .emptyDimension(width: width, height: height)
        }
        guard width <= maxDimension, height <= maxDimension else {
            throw .tooLarge(width: width, height: height)
        }
        // Both factors are at most 2^14, so the product cannot overflow on 64-bit or 32-bit Int.
        let count = width * height
        guard count <= maxPixelCount else {
            throw .tooLarge(width: width, height: height)
        }
        return count
    }
}

/// Why a `GreyImage` could not be made.
public enum GreyImageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Width or height is 0 or negative (both in pixels).
    case emptyDimension(width: Int, height: Int)
    /// A side exceeds `GreyImage.maxDimension` or the area exceeds `GreyImage.maxPixelCount`.
    case tooLarge(width: Int, height: Int)
    /// The buffer does not hold exactly `width * height` bytes.
    case bufferSizeMismatch(expected: Int, actual: Int)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case let .emptyDimension(width, height):
            "image size \(width)×\(height) has an empty side"
        case let .tooLarge(width, height):
            "image size \(width)×\(height) exceeds \(GreyImage.maxDimension) px per side or \(GreyImage.maxPixelCount) px in all"
        case let .bufferSizeMismatch(expected, actual):
            "image buffer holds \(actual) bytes, expected \(expected)"
        }
    }
}
