#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// A serial line speed the lock buses and scanners use, in bits per second.
public enum BaudRate: Int, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// 9600 bit/s (WKLY lock boards).
    case b9600 = 9600
    /// 19200 bit/s (Kerong CU16 lock boards).
    case b19200 = 19200
    /// 38400 bit/s.
    case b38400 = 38400
    /// 57600 bit/s.
    case b57600 = 57600
    /// 115200 bit/s (most CDC-ACM scanners ignore the rate).
    case b115200 = 115_200

    /// The rate for `bitsPerSecond` (from configuration).
    /// - Throws: `HALError` `.unsupported` naming `device` for any other value.
    public init(bitsPerSecond: Int, device: String) throws(HALError) {
        guard let rate = BaudRate(rawValue: bitsPerSecond) else {
            let supported = BaudRate.allCases.map { String($0.rawValue) }.joined(separator: ", ")
            throw HALError(.unsupported, device: device, detail:
                "baud rate \(bitsPerSecond) is not supported (supported: \(supported))")
        }
        self = rate
    }

    /// Bits per second.
    public var bitsPerSecond: Int { rawValue }

    public var description: String { "\(rawValue) baud" }

    /// The termios speed constant.
    var speed: speed_t {
        switch self {
        case .b9600: speed_t(B9600)
        case .b19200: speed_t(B19200)
        case .b38400: speed_t(B38400)
        case .b57600: speed_t(B57600)
        case .b115200: speed_t(B115200)
        }
    }
}
