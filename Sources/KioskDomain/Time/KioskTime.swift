import Foundation

/// The kiosk's civil time: Asia/Ho_Chi_Minh, a fixed UTC+07:00 with no daylight saving.
/// Internally timestamps are ISO-8601 with that offset; the national wire form is derived at the edge.
public enum KioskTime {
    /// UTC+07:00.
    public static let zone: TimeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    /// `2025-11-12T21:47:05.123+07:00`: millisecond precision, always the +07:00 offset.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(
                dateSeparator: .dash, dateTimeSeparator: .standard, timeSeparator: .colon,
                timeZoneSeparator: .colon, includingFractionalSeconds: true, timeZone: zone))
    }

    /// `yyyyMMddHHmmss` in Vietnam time, the form of the national one-stop wire (`NgayTra`…).
    public static func nationalWire(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2)
            + pad(parts.hour, 2) + pad(parts.minute, 2) + pad(parts.second, 2)
    }
}
