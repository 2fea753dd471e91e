/// What the command parser recognised in the byte stream.
public enum EscPosParsedItem: Hashable, Sendable {
    /// A command of the supported subset.
    case command(EscPosCommand)
    /// Bytes that are not a supported command: a lone byte, a prefix (`1B`, `1C`, `1D`, `10`)
    /// with its unknown second byte, or a known command with an unsupported parameter.
    case unknown([UInt8])
    /// A `GS v 0` header whose image is too large to rebuild (widths in bytes, height in rows);
    /// its data bytes are skipped, never read as commands.
    case oversizedImage(widthBytes: Int, height: Int)
    /// `10 04 n` (n = 1...4) seen inside image data, reported only when the parser was made with
    /// `reportsQueriesInImageData`; the bytes remain image data as well.
    case statusQueryInImageData(EscPosStatusRequest)
}

/// An incremental ESC/POS parser, the inverse of `EscPosJob`: feed bytes in chunks of any size
/// and get the commands they complete. No I/O; the printer emulator drives it.
///
/// Bytes inside `GS v 0` image data are always image data: a `10 04 n` there stays part of the
/// picture and is not reported as a status query. (A real printer also answers such a sequence,
/// which is why the driver never queries during a job; an emulator that wants to play that
/// behaviour turns on `reportsQueriesInImageData`.)
public struct EscPosCommandParser: Sendable {
    /// Largest image the parser rebuilds, in packed bytes; larger headers are skipped.
    public static let maxImageBytes = MonoBitmap.maxByteCount

    private enum State: Sendable {
        /// Between commands or inside a command's fixed-size header (bytes so far).
        case header([UInt8])
        /// Inside raster data: header values and the data gathered so far.
        case imageData(widthBytes: Int, height: Int, scale: EscPosRasterScale, data: [UInt8])
        /// Skipping the data of an oversized image: bytes still to skip.
        case skipping(remaining: Int)
    }

    private var state: State = .header([])
    /// The last (up to two) image data bytes, to find `10 04 n` across chunk boundaries.
    private var dataTail: [UInt8] = []
    /// Whether `10 04 n` inside image data is also reported as `statusQueryInImageData`.
    public let reportsQueriesInImageData: Bool

    /// A parser at a command boundary; with `reportsQueriesInImageData` it also reports the
    /// status queries a real printer would answer from inside image data.
    public init(reportsQueriesInImageData: Bool = false) {
        self.reportsQueriesInImageData = reportsQueriesInImageData
    }

    /// Whether the parser stands at a command boundary (no partial command buffered).
    public var isAtCommandBoundary: Bool {
        if case let .header(bytes) = state { return bytes.isEmpty }
        return false
    }

    /// Whether the next byte fed will be read as raster image data.
    public var isInsideImageData: Bool {
        switch state {
        case .header: false
        case .imageData, .skipping: true
        }
    }

    /// Consumes `bytes` and returns every item they complete, in order. A command cut off at
    /// the end of `bytes` is kept and completed by later calls.
    public mutating func feed(_ bytes: [UInt8]) -> [EscPosParsedItem] {
        var items: [EscPosParsedItem] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch state {
            case var .header(header):
                header.append(bytes[index])
                index += 1
                state = .header([])
                switch Self.decode(header: header) {
                case .needMore:
                    state = .header(header)
                case let .item(item):
                    items.append(item)
                case let .image(widthBytes, height, scale):
                    let count = widthBytes * height
                    if count > Self.maxImageBytes {
                        items.append(.oversizedImage(widthBytes: widthBytes, height: height))
                        state = .skipping(remaining: count)
                    } else {
                        var data: [UInt8] = []
                        data.reserveCapacity(count)
                        dataTail = []
                        state = .imageData(widthBytes: widthBytes, height: height, scale: scale, data: data)
                    }
                }
            case .imageData(let widthBytes, let height, let scale, var data):
                state = .header([]) // release the buffer's reference before appending
                let needed = widthBytes * height - data.count
                let take = min(needed, bytes.endIndex - index)
                if reportsQueriesInImageData {
                    items += scanForQueries(bytes[index..<(index + take)])
                }
                data += bytes[index..<(index + take)]
                index += take
                if data.count == widthBytes * height {
                    items.append(Self.rasterItem(widthBytes: widthBytes, height: height, scale: scale, data: data))
                } else {
                    state = .imageData(widthBytes: widthBytes, height: height, scale: scale, data: data)
                }
            case let .skipping(remaining):
                let take = min(remaining, bytes.endIndex - index)
                index += take
                state = remaining == take ? .header([]) : .skipping(remaining: remaining - take)
            }
        }
        return items
    }

    /// Reports every `10 04 n` completed by `chunk`, using the bytes of earlier chunks.
    private mutating func scanForQueries(_ chunk: ArraySlice<UInt8>) -> [EscPosParsedItem] {
        var found: [EscPosParsedItem] = []
        for byte in chunk {
            if dataTail == [0x10, 0x04], let request = EscPosStatusRequest(rawValue: byte) {
                found.append(.statusQueryInImageData(request))
            }
            dataTail.append(byte)
            if dataTail.count > 2 { dataTail.removeFirst() }
        }
        return found
    }

    /// The finished raster strip, or `unknown` if the bitmap refuses the size (cannot happen
    /// for a header that passed `decode`).
    private static func rasterItem(widthBytes: Int, height: Int, scale: EscPosRasterScale, data: [UInt8]) -> EscPosParsedItem {
        do throws(MonoBitmapError) {
            let bitmap = try MonoBitmap(width: widthBytes * 8, height: height, packedRows: data)
            return .command(.rasterImage(bitmap, scale: scale))
        } catch {
            return .unknown(data)
        }
    }

    private enum HeaderResult {
        case needMore
        case item(EscPosParsedItem)
        case image(widthBytes: Int, height: Int, scale: EscPosRasterScale)
    }

    /// Decides what a partial header is: complete item, image header, or in need of more bytes.
    private static func decode(header: [UInt8]) -> HeaderResult {
        guard let first = header.first else { return .needMore }
        guard [0x1B, 0x1C, 0x1D, 0x10].contains(first) else { return .item(.unknown(header)) }
        guard header.count >= 2 else { return .needMore }
        switch (first, header[1]) {
        case (0x1B, 0x40): return .item(.command(.initialize))
        case (0x1C, 0x2E): return .item(.command(.cancelKanjiMode))
        case (0x1B, 0x61):
            guard header.count >= 3 else { return .needMore }
            // ESC a accepts 0...2 and the ASCII digits '0'...'2'.
            let value = header[2] >= 0x30 ? header[2] &- 0x30 : header[2]
            guard let alignment = EscPosAlignment(rawValue: value) else { return .item(.unknown(header)) }
            return .item(.command(.align(alignment)))
        case (0x1B, 0x64):
            guard header.count >= 3 else { return .needMore }
            return .item(.command(.feedLines(header[2])))
        case (0x10, 0x04):
            guard header.count >= 3 else { return .needMore }
            guard let request = EscPosStatusRequest(rawValue: header[2]) else { return .item(.unknown(header)) }
            return .item(.command(.statusQuery(request)))
        case (0x1D, 0x56):
            return decodeCut(header)
        case (0x1D, 0x76):
            return decodeRasterHeader(header)
        default:
            return .item(.unknown(header))
        }
    }

    /// `1D 56 m [n]`: m 0/48 full, 1/49 partial, 65 full after feed n, 66 partial after feed n.
    private static func decodeCut(_ header: [UInt8]) -> HeaderResult {
        guard header.count >= 3 else { return .needMore }
        switch header[2] {
        case 0x00, 0x30: return .item(.command(.cut(EscPosCut(.full))))
        case 0x01, 0x31: return .item(.command(.cut(EscPosCut(.partial))))
        case 0x41, 0x42:
            guard header.count >= 4 else { return .needMore }
            let kind: EscPosCut.Kind = header[2] == 0x41 ? .full : .partial
            return .item(.command(.cut(EscPosCut(kind, feedBeforeCut: header[3]))))
        default:
            return .item(.unknown(header))
        }
    }

    /// `1D 76 30 m xL xH yL yH`: m 0...3 or '0'...'3'; an empty side is reported as unknown.
    private static func decodeRasterHeader(_ header: [UInt8]) -> HeaderResult {
        guard header.count >= 3 else { return .needMore }
        guard header[2] == 0x30 else { return .item(.unknown(header)) }
        guard header.count >= 4 else { return .needMore }
        let mode = header[3] >= 0x30 ? header[3] &- 0x30 : header[3]
        guard let scale = EscPosRasterScale(rawValue: mode) else { return .item(.unknown(header)) }
        guard header.count >= 8 else { return .needMore }
        let widthBytes = Int(header[4]) | Int(header[5]) << 8
        let height = Int(header[6]) | Int(header[7]) << 8
        guard widthBytes > 0, height > 0 else { return .item(.unknown(header)) }
        return .image(widthBytes: widthBytes, height: height, scale: scale)
    }
}
