import Foundation

/// Vietnamese formats printed on receipts: money in đồng and local dates and times.
///
/// Times are formatted in a fixed offset from UTC that the caller passes in (Vietnam is UTC+7
/// all year, no daylight saving), so output never depends on the machine's time zone.
public enum ReceiptFormat {
    /// Vietnam's offset from UTC in seconds (+07:00).
    public static let vietnamUTCOffsetSeconds = 7 * 3600

    /// `amount` whole đồng with "." grouping thousands and " đ" after, e.g. `100.000 đ`,
    /// `0 đ`, `-5.000 đ`.
    public static func money(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 {
                grouped.append(".")
            }
            grouped.append(digit)
        }
        return (amount < 0 ? "-" : "") + grouped + " đ"
    }

    /// `date` as "HH giờ mm, ngày dd/MM/yyyy" (24-hour) at `utcOffsetSeconds` from UTC
    /// (clamped to ±18 h), e.g. `09 giờ 15, ngày 07/11/2025`.
    public static func longDateTime(_ date: Date, utcOffsetSeconds: Int = vietnamUTCOffsetSeconds) -> String {
        let parts = components(of: date, utcOffsetSeconds: utcOffsetSeconds)
        return "\(two(parts.hour)) giờ \(two(parts.minute)), ngày \(two(parts.day))/\(two(parts.month))/\(parts.year)"
    }

    /// `date` as "dd/MM/yyyy HH:mm" (24-hour) at `utcOffsetSeconds` from UTC (clamped to ±18 h).
    public static func shortDateTime(_ date: Date, utcOffsetSeconds: Int = vietnamUTCOffsetSeconds) -> String {
        let parts = components(of: date, utcOffsetSeconds: utcOffsetSeconds)
        return "\(two(parts.day))/\(two(parts.month))/\(parts.year) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// `date` as "dd/MM/yyyy" at `utcOffsetSeconds` from UTC (clamped to ±18 h).
    public static func date(_ date: Date, utcOffsetSeconds: Int = vietnamUTCOffsetSeconds) -> String {
        let parts = components(of: date, utcOffsetSeconds: utcOffsetSeconds)
        return "\(two(parts.day))/\(two(parts.month))/\(parts.year)"
    }

    /// Calendar fields of `date` in the Gregorian calendar at a fixed UTC offset.
    private static func components(
        of date: Date, utcOffsetSeconds: Int
    ) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let offset = min(max(utcOffsetSeconds, -18 * 3600), 18 * 3600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `value` with at least two digits ("07").
    private static func two(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }
}
