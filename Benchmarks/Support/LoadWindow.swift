/// The machine's load when a benchmark run started and when it ended.
public struct LoadWindow: Codable, Sendable, Equatable {
    /// Read before the first measurement; `nil` where `/proc/loadavg` is unavailable.
    public var start: MachineLoad?
    /// Read after the last measurement; `nil` where `/proc/loadavg` is unavailable.
    public var end: MachineLoad?

    /// A window whose start is read now; call `ended()` after the measurements.
    public static func starting() -> LoadWindow {
        LoadWindow(start: .current(), end: nil)
    }

    /// This window with its end read now.
    public func ended() -> LoadWindow {
        LoadWindow(start: start, end: .current())
    }
}
