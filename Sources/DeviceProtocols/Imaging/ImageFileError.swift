/// Why an image file (PGM or PNG) could not be read as a `GreyImage`.
public enum ImageFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes start with neither a PGM magic (`P5`, `P2`) nor the PNG signature.
    case unknownFormat
    /// The file ended before the part named.
    case truncated(String)
    /// A header field is malformed or out of range (named, with the value seen).
    case malformedHeader(String)
    /// The pixel data is malformed (named, with the value seen), e.g. a PNG row filter
    /// outside 0–4 or a plain PGM sample above maxval.
    case malformedData(String)
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
        case .unknownFormat: "not a PGM (P5 or P2) or PNG file"
        case .truncated(let part): "image file truncated in \(part)"
        case .malformedHeader(let field): "malformed image header: \(field)"
        case .malformedData(let what): "malformed image data: \(what)"
        case .unsupported(let feature): "unsupported image feature: \(feature)"
        case let .tooLarge(width, height, limit): "image \(width)×\(height) exceeds \(limit) pixels"
        case .checksumMismatch(let chunk): "PNG chunk \(chunk) fails its CRC"
        }
    }
}

extension GreyImage {
    /// Reads a PGM (binary `P5` or plain `P2`, see `PGMDecoder`) or a PNG file (8-bit
    /// greyscale, stored deflate blocks, see `PNGDecoder`), told apart by their first bytes,
    /// refusing images of more than `maximumPixelCount` pixels before allocating them. The one
    /// image-file reader of the product: the scanner's image channel and the simulator's
    /// scan-image route both read files here.
    /// - Throws: `ImageFileError`.
    public static func decodeFile(_ bytes: [UInt8], maximumPixelCount: Int = GreyImage.maxPixelCount) throws(ImageFileError) -> GreyImage {
        if bytes.starts(with: PNGEncoder.signature) {
            return try PNGDecoder.decode(bytes, maximumPixelCount: maximumPixelCount)
        }
        if PGMDecoder.recognises(bytes) {
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
