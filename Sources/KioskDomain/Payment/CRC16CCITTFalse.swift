/// CRC-16/CCITT-FALSE, the checksum that closes every EMVCo QR payload (tag `63`):
/// polynomial 0x1021, initial value 0xFFFF, input and output not reflected, no final xor.
///
/// The catalogue check value (the CRC of the nine ASCII bytes `123456789`) is 0x29B1.
/// Use it either in one call (`checksum(of:)`) or incrementally (`update(with:)`), e.g. while
/// a payload is being assembled.
public struct CRC16CCITTFalse: Sendable, Equatable {
    /// The generator polynomial, x¹⁶ + x¹² + x⁵ + 1 without its top bit.
    public static let polynomial: UInt16 = 0x1021
    /// The register's value before the first byte.
    public static let initialValue: UInt16 = 0xFFFF

    /// The running remainder; after the last byte it is the checksum.
    public private(set) var value: UInt16

    /// A fresh computation, register at `initialValue`.
    public init() {
        value = Self.initialValue
    }

    /// Feeds `bytes` into the register, most significant bit of each byte first.
    public mutating func update(with bytes: some Sequence<UInt8>) {
        var register = value
        for byte in bytes {
            let index = Int(UInt8(truncatingIfNeeded: register >> 8) ^ byte)
            register = (register << 8) ^ Self.table[index]
        }
        value = register
    }

    /// The checksum of `bytes` in one call (0x0000–0xFFFF).
    public static func checksum(of bytes: some Sequence<UInt8>) -> UInt16 {
        var crc = CRC16CCITTFalse()
        crc.update(with: bytes)
        return crc.value
    }

    /// The checksum of the UTF-8 bytes of `text` (EMVCo payloads are ASCII, so byte = character).
    public static func checksum(of text: String) -> UInt16 {
        checksum(of: text.utf8)
    }

    /// `value` as exactly four upper-case hexadecimal digits, zero-padded (`0x0A3F` → `0A3F`),
    /// the way tag `63` carries it.
    public static func hexDigits(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Reads four upper-case hexadecimal digits back; `nil` for any other text, including
    /// lower-case digits (the payload grammar allows upper case only).
    public static func parseHexDigits(_ text: Substring) -> UInt16? {
        guard text.utf8.count == 4 else { return nil }
        var result: UInt16 = 0
        for byte in text.utf8 {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            result = result << 4 | UInt16(nibble)
        }
        return result
    }

    /// The remainder of each possible leading byte, so one table look-up replaces eight shifts.
    static let table: [UInt16] = (0...255).map { index in
        var register = UInt16(index) << 8
        for _ in 0..<8 {
            let topBitSet = register & 0x8000 != 0
            register <<= 1
            if topBitSet { register ^= polynomial }
        }
        return register
    }
}
