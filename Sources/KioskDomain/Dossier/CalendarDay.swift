/// A day of the Gregorian calendar with no time zone, as printed in codes and on receipts.
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Year with century, 2000–2099 for two-digit years.
    public let year: Int
    /// Month, 1–12.
    public let month: Int
    /// Day of the month, 1–31 (checked against the month and leap years).
    public let day: Int

    /// A validated day; `nil` when the month or day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYMMDD` (years 2000–2099) or `YYYYMMDD`; `nil` for anything else.
    public init?(compactDigits text: Substring) {
        guard text.count == 6 || text.count == 8, text.allSatisfy(\.isASCIIDigit) else { return nil }
        let digits = text.compactMap(\.wholeNumberValue)
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        let yearDigits = text.count - 4
        let year = number(0..<yearDigits) + (yearDigits == 2 ? 2000 : 0)
        self.init(year: year, month: number(yearDigits..<yearDigits + 2), day: number(yearDigits + 2..<yearDigits + 4))
    }

    /// Number of days in `month` of `year` (Gregorian leap years).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `dd/MM/yyyy`, the form citizens read.
    public var description: String {
        "\(Self.pad(day))/\(Self.pad(month))/\(year)"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
