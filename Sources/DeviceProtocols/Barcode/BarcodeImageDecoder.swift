import CZBar

/// Finds and decodes every barcode and QR code in a `GreyImage` with libzbar.
///
/// zbar's scanner objects are not thread-safe, so this value keeps none: every `decode(_:)`
/// call creates its own scanner and image and destroys both before returning. The decoder is
/// therefore `Sendable` and may be used from any task concurrently; each call costs one scanner
/// set-up (microseconds) on top of the scan itself.
public struct BarcodeImageDecoder: Sendable {
    /// zbar's fourcc for 8-bit greyscale, "Y800", i.e. `'Y' | '8' << 8 | '0' << 16 | '0' << 24`
    /// (`zbar_fourcc` is a C macro that Swift cannot import).
    public static let y800FourCC: UInt = {
        let tag: [UInt8] = Array("Y800".utf8)
        var value: UInt = 0
        for (index, byte) in tag.enumerated() {
            value |= UInt(byte) << (8 * UInt(index))
        }
        return value
    }()

    /// A decoder with every symbology zbar knows enabled and QR payloads returned as raw bytes.
    public init() {}

    /// Every symbol zbar finds in `image`, in zbar's order (empty when there is none); throws
    /// `BarcodeDecodeError` when zbar cannot set up a scanner or reports a scan failure.
    public func decode(_ image: GreyImage) throws(BarcodeDecodeError) -> [DecodedSymbol] {
        guard let scanner = zbar_image_scanner_create() else { throw .scannerUnavailable }
        defer { zbar_image_scanner_destroy(scanner) }
        guard let zbarImage = zbar_image_create() else { throw .scannerUnavailable }
        defer { zbar_image_destroy(zbarImage) }

        try Self.configure(scanner)
        zbar_image_set_format(zbarImage, Self.y800FourCC)
        zbar_image_set_size(zbarImage, UInt32(image.width), UInt32(image.height))

        // The pixel buffer is only borrowed by zbar (no cleanup handler), so the scan and the
        // copy of every symbol happen while the buffer is pinned.
        let outcome: Result<[DecodedSymbol], BarcodeDecodeError> = image.pixels.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .failure(.scanFailed) }
            zbar_image_set_data(zbarImage, base, UInt(buffer.count), nil)
            defer { zbar_image_set_data(zbarImage, nil, 0, nil) }
            let found = zbar_scan_image(scanner, zbarImage)
            guard found >= 0 else { return .failure(.scanFailed) }
            return .success(Self.collectSymbols(of: zbarImage))
        }
        return try outcome.get()
    }

    /// Enables all symbologies and binary (undecoded) data for QR; throws
    /// `BarcodeDecodeError.configurationRejected` when zbar refuses a setting.
    private static func configure(_ scanner: OpaquePointer) throws(BarcodeDecodeError) {
        let settings: [(symbology: zbar_symbol_type_t, config: zbar_config_t, name: String)] = [
            (ZBAR_NONE, ZBAR_CFG_ENABLE, "enable all symbologies"),
            (ZBAR_QRCODE, ZBAR_CFG_BINARY, "QR binary data"),
        ]
        for setting in settings {
            let status = zbar_image_scanner_set_config(scanner, setting.symbology, setting.config, 1)
            guard status == 0 else { throw .configurationRejected(setting.name) }
        }
    }

    /// Copies type, bytes and quality of every symbol attached to `image` after a scan.
    private static func collectSymbols(of image: OpaquePointer) -> [DecodedSymbol] {
        var symbols: [DecodedSymbol] = []
        var cursor = zbar_image_first_symbol(image)
        while let symbol = cursor {
            let type = zbar_symbol_get_type(symbol)
            let length = Int(zbar_symbol_get_data_length(symbol))
            var bytes: [UInt8] = []
            if length > 0, let data = zbar_symbol_get_data(symbol) {
                bytes = data.withMemoryRebound(to: UInt8.self, capacity: length) { start in
                    Array(UnsafeBufferPointer(start: start, count: length))
                }
            }
            let name = zbar_get_symbol_name(type).map { String(cString: $0) } ?? "UNKNOWN"
            symbols.append(DecodedSymbol(
                typeName: name,
                typeCode: type.rawValue,
                bytes: bytes,
                quality: Int(zbar_symbol_get_quality(symbol))))
            cursor = zbar_symbol_next(symbol)
        }
        return symbols
    }
}

/// Why a `BarcodeImageDecoder` could not scan an image (finding nothing is not an error).
public enum BarcodeDecodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// zbar could not allocate a scanner or image object.
    case scannerUnavailable
    /// zbar refused a configuration setting (named in English).
    case configurationRejected(String)
    /// `zbar_scan_image` returned an error (e.g. an unsupported image format).
    case scanFailed

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case .scannerUnavailable: "zbar could not create a scanner"
        case let .configurationRejected(name): "zbar rejected the setting: \(name)"
        case .scanFailed: "zbar failed to scan the image"
        }
    }
}

/// One barcode or QR code found in an image: its symbology and its payload.
public struct DecodedSymbol: Hashable, Sendable {
    /// zbar's name for the symbology, e.g. `QR-Code`, `EAN-13`, `CODE-128`.
    public let typeName: String
    /// zbar's numeric symbology (`zbar_symbol_type_t`), e.g. 64 for QR.
    public let typeCode: UInt32
    /// The payload exactly as encoded in the symbol (for QR: the raw 8-bit data).
    public let bytes: [UInt8]
    /// zbar's relative confidence (higher is better; 1 for a single clean QR read).
    public let quality: Int

    /// zbar's symbology number for QR codes.
    public static let qrTypeCode: UInt32 = 64

    /// A symbol as decoded; `bytes` are kept verbatim.
    public init(typeName: String, typeCode: UInt32, bytes: [UInt8], quality: Int) {
        self.typeName = typeName
        self.typeCode = typeCode
        self.bytes = bytes
        self.quality = quality
    }

    /// The payload as text when it is valid UTF-8 (ASCII included), otherwise `nil`.
    public var text: String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Whether the symbol is a QR code.
    public var isQRCode: Bool {
        typeCode == Self.qrTypeCode
    }
}
