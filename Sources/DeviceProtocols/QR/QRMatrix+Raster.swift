extension QRMatrix {
    /// Quiet zone the QR specification asks for around a symbol, in modules.
    public static let recommendedQuietZone = 4

    /// Side length in pixels of the rasterised symbol including its quiet zone, or `nil` when
    /// the arguments are out of range (module size < 1, quiet zone < 0) or the side would
    /// exceed `GreyImage.maxDimension`.
    public func rasterSide(moduleSize: Int, quietZone: Int = QRMatrix.recommendedQuietZone) -> Int? {
        guard moduleSize >= 1, quietZone >= 0 else { return nil }
        let (modulesPerSide, overflowA) = quietZone.multipliedReportingOverflow(by: 2)
        let (totalModules, overflowB) = modulesPerSide.addingReportingOverflow(size)
        let (side, overflowC) = totalModules.multipliedReportingOverflow(by: moduleSize)
        guard !overflowA, !overflowB, !overflowC, side <= GreyImage.maxDimension else { return nil }
        return side
    }

    /// The largest module size in pixels whose raster (quiet zone included) is at most
    /// `maxSide` pixels, e.g. the 384 or 576 printable dots of a 58/80 mm receipt; `nil` when
    /// even 1 px per module does not fit or the arguments are out of range.
    public func largestModuleSize(fittingSide maxSide: Int, quietZone: Int = QRMatrix.recommendedQuietZone) -> Int? {
        guard maxSide >= 1, quietZone >= 0 else { return nil }
        let (doubled, overflowA) = quietZone.multipliedReportingOverflow(by: 2)
        let (modulesPerSide, overflowB) = doubled.addingReportingOverflow(size)
        guard !overflowA, !overflowB else { return nil }
        let moduleSize = maxSide / modulesPerSide
        return moduleSize >= 1 ? moduleSize : nil
    }

    /// Renders the symbol as black squares of `moduleSize` × `moduleSize` pixels on white, with
    /// `quietZone` white modules on every side (4 recommended; 0 allowed but readers may then
    /// miss the code). Throws `QRRasterError` for a module size < 1, a negative quiet zone, or
    /// an image larger than `GreyImage` allows.
    public func rasterised(
        moduleSize: Int,
        quietZone: Int = QRMatrix.recommendedQuietZone
    ) throws(QRRasterError) -> GreyImage {
        guard moduleSize >= 1 else { throw .invalidModuleSize(moduleSize) }
        guard quietZone >= 0 else { throw .invalidQuietZone(quietZone) }
        guard let side = rasterSide(moduleSize: moduleSize, quietZone: quietZone) else {
            throw .imageTooLarge(moduleSize: moduleSize, quietZone: quietZone)
        }

        var pixels = [UInt8](repeating: GreyImage.white, count: side * side)
        let margin = quietZone * moduleSize
        let symbolSize = size
        let symbolModules = modules
        pixels.withUnsafeMutableBufferPointer { buffer in
            for moduleRow in 0..<symbolSize {
                let rowBase = moduleRow * symbolSize
                let top = margin + moduleRow * moduleSize
                // Paint the first pixel row of this module row, then copy it down.
                let firstLine = top * side
                for moduleColumn in 0..<symbolSize where symbolModules[rowBase + moduleColumn] {
                    let left = firstLine + margin + moduleColumn * moduleSize
                    for offset in 0..<moduleSize {
                        buffer[left + offset] = GreyImage.black
                    }
                }
                for line in 1..<moduleSize {
                    let target = (top + line) * side
                    for column in margin..<(side - margin) {
                        buffer[target + column] = buffer[firstLine + column]
                    }
                }
            }
        }
        do {
            return try GreyImage(width: side, height: side, pixels: pixels)
        } catch {
            // Unreachable: `rasterSide` already enforced the GreyImage bounds.
            throw .image(error)
        }
    }
}

/// Why a `QRMatrix` could not be rasterised.
public enum QRRasterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The module size in pixels was below 1.
    case invalidModuleSize(Int)
    /// The quiet zone in modules was negative.
    case invalidQuietZone(Int)
    /// The resulting side would exceed `GreyImage.maxDimension` pixels.
    case imageTooLarge(moduleSize: Int, quietZone: Int)
    /// The image buffer was rejected by `GreyImage`.
    case image(GreyImageError)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case let .invalidModuleSize(value):
            "QR module size \(value) px is below 1"
        case let .invalidQuietZone(value):
            "QR quiet zone \(value) modules is negative"
        case let .imageTooLarge(moduleSize, quietZone):
            "QR raster with \(moduleSize) px modules and a \(quietZone)-module quiet zone exceeds \(GreyImage.maxDimension) px"
        case let .image(error):
            "QR raster rejected: \(error)"
        }
    }
}
