/// Why an image file (PGM or PNG) could not be read as a `GreyImage`.
public enum ImageFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes start with neither the PGM (`P5`) nor the PNG signature.
    case unknownFormat
    /// The file ended before the part named.
    case truncated(String)
    /// A header field is malformed or out of range (named, with the value seen).
    case malformedHeader(String)
    /// The file uses a feature this reader does not support (named), e.g. 16-bit samples,
    /// interlacing, or compressed deflate blocks.
    case unsupported(String)
    /// The image is larger than allowed (width × height in pixels, and the bound).
    case tooLarge(width: Int, height: Int, limit: Int)
    /// A PNG chunk's CRC does not match its contents (chunk type named).
    case checksumMismatch(String)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case .unknownFormat: "not a binary PGM (P5) or PNG file"
        case .truncated(let part): "image file truncated in \(part)"
        case .malformedHeader(let field): "malformed image header: \(field)"
        case .unsupported(let feature): "unsupported image feature: \(feature)"
        case let .tooLarge(width, height, limit): "image \(width)×\(height) exceeds \(limit) pixels"
        case .checksumMismatch(let chunk): "PNG chunk \(chunk) fails its CRC"
        }
    }
}

extension GreyImage {
    /// Reads a binary PGM (`P5`) or a PNG file, told apart by their first bytes, refusing
    /// images of more than `maximumPixelCount` pixels before allocating them.
    /// - Throws: `ImageFileError`.
    public static func decodeFile(_ bytes: [UInt8], maximumPixelCount: Int = GreyImage.maxPixelCount) throws(ImageFileError) -> GreyImage {
        if bytes.starts(with: PNGEncoder.signature) {
            return try PNGDecoder.decode(bytes, maximumPixelCount: maximumPixelCount)
        }
        if bytes.starts(with: Array("P5".utf8)) {
            return try PGMDecoder.decode(bytes, maximumPixelCount: maximumPixelCount)
        }
        throw .unknownFormat
    }

    /// An image of validated size over `pixels`, mapping `GreyImage`'s limits to file errors.
    static func fromFile(width: Int, height: Int, pixels: [UInt8], limit: Int) throws(ImageFileError) -> GreyImage {
        do {
            return try GreyImage(width: width, height: height, pixels: pixels)
        } catch {
            switch error {
            case .tooLarge: throw .tooLarge(width: width, height: height, limit: limit)
            case .emptyDimension, .bufferSizeMismatch: throw .malformedHeader(error.description)
            }
        }
    }

    /// Refuses sizes outside 1…`GreyImage.maxDimension` per side or over `limit` pixels.
    static func checkFileSize(width: Int, height: Int, limit: Int) throws(ImageFileError) {
        guard width > 0, height > 0 else { throw .malformedHeader("size \(width)×\(height)") }
        let bound = min(limit, GreyImage.maxPixelCount)
        guard width <= GreyImage.maxDimension, height <= GreyImage.maxDimension, width * height <= bound else {
            throw .tooLarge(width: width, height: height, limit: bound)
        }
    }
}
