import CQREncode

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A QR code symbol as a square grid of modules (`true` = dark), without any quiet zone.
///
/// Made by libqrencode in 8-bit (byte) mode; the C result is copied into this value and freed
/// at once, so a `QRMatrix` owns no C memory and is freely `Sendable`.
public struct QRMatrix: Hashable, Sendable {
    /// QR version 1...40 that libqrencode chose (the smallest that fits the payload).
    public let version: Int
    /// Modules per side, `17 + 4 * version` (21...177).
    public let size: Int
    /// Error-correction level the symbol was encoded with.
    public let errorCorrection: QRErrorCorrection
    /// `size * size` module flags, row-major from the top-left; `true` = dark module.
    public let modules: [Bool]

    /// Encodes `text` as its UTF-8 bytes (no ECI header); throws `QREncodeError.emptyInput`,
    /// `.tooLong(byteCount:)` when no version 1...40 can hold it, or `.encoderFailed(errno:)`.
    public init(text: String, errorCorrection: QRErrorCorrection = .medium) throws(QREncodeError) {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection)
    }

    /// Encodes raw `bytes` (NUL allowed) in 8-bit mode; throws `QREncodeError.emptyInput`,
    /// `.tooLong(byteCount:)` when no version 1...40 can hold them, or `.encoderFailed(errno:)`.
    public init(bytes: [UInt8], errorCorrection: QRErrorCorrection = .medium) throws(QREncodeError) {
        guard !bytes.isEmpty else { throw .emptyInput }
        // libqrencode takes an `int` length; capacity itself is left to libqrencode (ERANGE).
        guard bytes.count <= Int(Int32.max) else { throw .tooLong(byteCount: bytes.count) }

        let level = QRecLevel(rawValue: UInt32(errorCorrection.rawValue))
        let outcome: Result<(version: Int, size: Int, modules: [Bool]), QREncodeError>
        outcome = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .failure(.emptyInput) }
            errno = 0
            // Version 0 asks for the smallest version that fits.
            guard let code = QRcode_encodeData(Int32(buffer.count), base, 0, level) else {
                let reason = errno
                if reason == ERANGE { return .failure(.tooLong(byteCount: buffer.count)) }
                return .failure(.encoderFailed(errno: reason))
            }
            defer { QRcode_free(code) }
            return Self.copyModules(from: code.pointee)
        }
        switch outcome {
        case let .success(symbol):
            self.version = symbol.version
            self.size = symbol.size
            self.errorCorrection = errorCorrection
            self.modules = symbol.modules
        case let .failure(error):
            throw error
        }
    }

    /// Whether the module at (`row`, `column`) is dark; `false` outside the symbol, which
    /// matches the white quiet zone around it.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return modules[row * size + column]
    }

    /// Number of dark modules, a cheap fingerprint for tests and logs.
    public var darkModuleCount: Int {
        modules.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// The symbol as text, one line per row, `#` for dark and `.` for light; for logs and tests.
    public var asciiArt: String {
        var lines: [String] = []
        lines.reserveCapacity(size)
        for row in 0..<size {
            let start = row * size
            lines.append(String(modules[start..<(start + size)].map { $0 ? "#" : "." }))
        }
        return lines.joined(separator: "\n")
    }

    /// Most bytes any QR symbol holds in 8-bit mode (version 40, level L); informative only,
    /// the encoder itself decides per level.
    public static let maxByteCapacity = 2953

    /// Copies the dark-module bit (LSB) of each byte out of libqrencode's result, checking the
    /// width the library reports before reading `width * width` bytes.
    private static func copyModules(
        from code: QRcode
    ) -> Result<(version: Int, size: Int, modules: [Bool]), QREncodeError> {
        let width = Int(code.width)
        let version = Int(code.version)
        guard (1...40).contains(version), width == 17 + 4 * version, let data = code.data else {
            return .failure(.malformedSymbol(version: version, width: width))
        }
        let cells = UnsafeBufferPointer(start: data, count: width * width)
        let modules = cells.map { $0 & 1 == 1 }
        return .success((version: version, size: width, modules: modules))
    }
}

/// Why libqrencode produced no symbol.
public enum QREncodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The payload was empty; QR needs at least one byte.
    case emptyInput
    /// The payload (in bytes) does not fit even version 40 at the requested level (ERANGE).
    case tooLong(byteCount: Int)
    /// libqrencode failed for another reason; the `errno` it left (EINVAL, ENOMEM, …).
    case encoderFailed(errno: Int32)
    /// libqrencode returned a symbol whose version and width disagree; never seen in practice.
    case malformedSymbol(version: Int, width: Int)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case .emptyInput:
            "QR payload is empty"
        case let .tooLong(byteCount):
            "QR payload of \(byteCount) bytes does not fit any QR version at this error-correction level"
        case let .encoderFailed(code):
            "libqrencode failed with errno \(code)"
        case let .malformedSymbol(version, width):
            "libqrencode returned version \(version) with width \(width)"
        }
    }
}
