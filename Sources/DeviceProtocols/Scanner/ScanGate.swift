/// The arming and debounce policy every scanner driver applies to checked scans, with no clock:
/// times are passed in as durations since any fixed origin (one monotonic clock per gate).
///
/// A scan gets through only while the gate is armed, and disarms it: the flow must arm again
/// before the next scan counts, so one presentation never becomes two. A payload identical to the
/// last one let through, arriving less than `debounceWindow` after it, is dropped even when the
/// gate was re-armed in between (a receipt left on the scanner window is read again and again).
public struct ScanGate: Sendable {
    /// Why a scan did not get through.
    public enum DropReason: Sendable, Equatable {
        /// Nobody asked for a scan: the gate was disarmed.
        case disarmed
        /// The same payload got through `sinceLast` ago, within the debounce window.
        case duplicate(sinceLast: Duration)
    }

    /// The gate's decision on one scan.
    public enum Verdict: Sendable, Equatable {
        /// Deliver the scan; the gate is now disarmed.
        case accepted
        /// Do not deliver it, for the reason given; the gate's state is unchanged.
        case dropped(DropReason)
    }

    /// How long an identical payload is dropped after one got through; 1.5 s unless configured.
    public let debounceWindow: Duration
    /// Whether the next scan can get through.
    public private(set) var isArmed: Bool
    private var lastAccepted: (text: String, time: Duration)?

    /// A gate, disarmed unless `armed`; a negative window is treated as zero.
    public init(debounceWindow: Duration = .milliseconds(1500), armed: Bool = false) {
        self.debounceWindow = max(.zero, debounceWindow)
        self.isArmed = armed
    }

    /// Lets the next scan through (arming an armed gate changes nothing).
    public mutating func arm() {
        isArmed = true
    }

    /// Drops scans until the next `arm()`.
    public mutating func disarm() {
        isArmed = false
    }

    /// Forgets the last payload, so an identical one is not treated as a duplicate (the flow
    /// asks the citizen to scan the same receipt again on purpose).
    public mutating func forgetLastScan() {
        lastAccepted = nil
    }

    /// Decides on a scan of `text` that arrived at `time`; accepting disarms the gate.
    /// A time earlier than the last accepted scan (a clock step) counts as within the window.
    public mutating func admit(_ text: String, at time: Duration) -> Verdict {
        guard isArmed else { return .dropped(.disarmed) }
        if let last = lastAccepted, last.text == text {
            let elapsed = time - last.time
            if elapsed < debounceWindow { return .dropped(.duplicate(sinceLast: max(.zero, elapsed))) }
        }
        lastAccepted = (text, time)
        isArmed = false
        return .accepted
    }

    /// Applies the gate to a codec outcome: scans go through `admit`, rejections pass unchanged
    /// (a refused payload is reported whether armed or not, and never disarms the gate).
    public mutating func admit(_ outcome: ScanOutcome, at time: Duration) -> Verdict {
        switch outcome {
        case .scanned(let scan): admit(scan.text, at: time)
        case .rejected: .accepted
        }
    }
}
