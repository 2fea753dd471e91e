import Foundation

/// The SMS texts of DOMAIN §6: no diacritics, at most 160 characters, no full ID numbers.
enum SMSText {
    /// "Ho so X da co ket qua tai ATM ho so 24/7 Vi Thanh. Ma nhan: 482913, han 19/11. Hotline …".
    static func resultReady(code: String, pickupCode: String, deadline: Date, _ configuration: OneStopSimConfiguration) -> String {
        "Ho so \(code) da co ket qua tai ATM ho so 24/7 \(configuration.placeName). Ma nhan: \(pickupCode), han \(dayMonth(deadline)). Hotline \(configuration.hotline)"
    }

    /// "Ho so X da duoc tra ket qua tai ATM ho so 24/7 Vi Thanh luc 21:47 12/11. Hotline …".
    static func handedOut(code: String, at date: Date, _ configuration: OneStopSimConfiguration) -> String {
        "Ho so \(code) da duoc tra ket qua tai ATM ho so 24/7 \(configuration.placeName) luc \(hourMinute(date)) \(dayMonth(date)). Hotline \(configuration.hotline)"
    }

    /// 23:59:59 Vietnam time, `days` days after `date`.
    static func endOfDay(after days: Int, from date: Date) -> Date {
        let calendar = vietnamCalendar
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: DateComponents(day: days + 1, second: -1), to: start) ?? date
    }

    static var vietnamCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
        return calendar
    }

    static func dayMonth(_ date: Date) -> String {
        let parts = vietnamCalendar.dateComponents([.day, .month], from: date)
        return two(parts.day) + "/" + two(parts.month)
    }

    static func hourMinute(_ date: Date) -> String {
        let parts = vietnamCalendar.dateComponents([.hour, .minute], from: date)
        return two(parts.hour) + ":" + two(parts.minute)
    }

    private static func two(_ value: Int?) -> String {
        let text = String(value ?? 0)
        return text.count < 2 ? "0" + text : text
    }
}
