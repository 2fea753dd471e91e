import Foundation

/// The kernel's run-queue load averages at one moment, read from `/proc/loadavg`, so a result
/// can be read against how busy the (shared) machine was while it was measured.
public struct MachineLoad: Codable, Sendable, Equatable {
    /// Average number of runnable or uninterruptible tasks over the last minute.
    public var oneMinute: Double
    /// The same over the last 5 minutes.
    public var fiveMinutes: Double
    /// The same over the last 15 minutes.
    public var fifteenMinutes: Double

    /// The averages now; `nil` when `/proc/loadavg` cannot be read or parsed (not Linux).
    public static func current() -> MachineLoad? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return parse(text)
    }

    /// The first three fields of a `/proc/loadavg` line (`0.52 0.58 0.59 1/389 12345`), or `nil`.
    public static func parse(_ line: String) -> MachineLoad? {
        let fields = line.split(whereSeparator: \.isWhitespace).prefix(3).compactMap { Double($0) }
        guard fields.count == 3 else { return nil }
        return MachineLoad(oneMinute: fields[0], fiveMinutes: fields[1], fifteenMinutes: fields[2])
    }
}
