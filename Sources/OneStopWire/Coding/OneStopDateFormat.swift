import Foundation

/// The contract's one date-time form: RFC 3339 `yyyy-MM-ddTHH:mm:ss`, an optional `.` with 1–9
/// fraction digits (read to the millisecond, further digits ignored), then `Z` or `±HH:mm`.
/// Written with exactly 3 fraction digits and the Vietnam offset
/// (`2025-11-12T21:47:05.000+07:00`); read in any offset. The national `yyyyMMddHHmmss` form
/// never appears on this wire.
public enum OneStopDateFormat {
    /// The offset written by `string(from:)`: UTC+07:00 (Asia/Ho_Chi_Minh has no daylight saving).
    public static let writtenZone: TimeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    /// `2025-11-12T21:47:05.123+07:00`: rounded to the nearest millisecond, always `+07:00`.
    /// (Rounding, not truncation: `Date` holds a binary fraction, so 0.123 s may be stored as
    /// 0.12299999 s and a truncating formatter would write `.122`.)
    public static func string(from date: Date) -> String {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let offsetSeconds = Int64(writtenZone.secondsFromGMT())
        let (seconds, milliseconds) = floorDivision(totalMilliseconds, 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let local = Date(timeIntervalSince1970: Double(seconds + offsetSeconds))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
        let sign = offsetSeconds < 0 ? "-" : "+"
        let offsetMinutes = Int(abs(offsetSeconds) / 60)
        return pad(parts.year, 4) + "-" + pad(parts.month, 2) + "-" + pad(parts.day, 2) + "T"
            + pad(parts.hour, 2) + ":" + pad(parts.minute, 2) + ":" + pad(parts.second, 2) + "."
            + pad(Int(milliseconds), 3) + sign + pad(offsetMinutes / 60, 2) + ":" + pad(offsetMinutes % 60, 2)
    }

    /// Quotient and non-negative remainder.
    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    /// `value` in decimal, zero-padded on the left to `width`.
    private static func pad(_ value: Int?, _ width: Int) -> String {
        let text = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The instant `text` names, or `nil` when it is not exactly the contract's form or names an
    /// impossible calendar date (`2025-02-30`, hour 24, an offset hour beyond 23).
    public static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard (20...35).contains(bytes.count) else { return nil }
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(4), reader.expect(UInt8(ascii: "-")),
            let month = reader.number(2), reader.expect(UInt8(ascii: "-")),
            let day = reader.number(2), reader.expect(UInt8(ascii: "T")),
            let hour = reader.number(2), reader.expect(UInt8(ascii: ":")),
            let minute = reader.number(2), reader.expect(UInt8(ascii: ":")),
            let second = reader.number(2)
        else { return nil }
        var milliseconds = 0
        if reader.expect(UInt8(ascii: ".")) {
            let digits = reader.digitRun(maximum: 9)
            guard !digits.isEmpty else { return nil }
            let kept = digits.prefix(3)
            milliseconds = kept.reduce(0) { $0 * 10 + $1 }
            for _ in kept.count..<3 { milliseconds *= 10 }
        }
        guard let offsetSeconds = reader.offset(), reader.atEnd else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60,
            abs(offsetSeconds) < 24 * 3600
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let local = calendar.date(from: components),
            calendar.component(.day, from: local) == day, calendar.component(.month, from: local) == month
        else { return nil }
        return local.addingTimeInterval(Double(milliseconds) / 1000 - Double(offsetSeconds))
    }
}

/// Reads fixed-width ASCII digits and separators from the front of a byte array.
private struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    /// Exactly `width` digits as a number.
    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + width] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += width
        return value
    }

    /// Consumes `byte` if it is next.
    mutating func expect(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Up to `maximum` digits, each as a value; stops at the first non-digit. More digits than
    /// `maximum` leave the reader before them, so the caller's end check fails.
    mutating func digitRun(maximum: Int) -> [Int] {
        var digits: [Int] = []
        while digits.count < maximum, index < bytes.count,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            digits.append(Int(bytes[index] - UInt8(ascii: "0")))
            index += 1
        }
        return digits
    }

    /// `Z` (0) or `±HH:mm` in seconds east of UTC.
    mutating func offset() -> Int? {
        if expect(UInt8(ascii: "Z")) { return 0 }
        let sign: Int
        if expect(UInt8(ascii: "+")) {
            sign = 1
        } else if expect(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(2), expect(UInt8(ascii: ":")), let minutes = number(2), minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
