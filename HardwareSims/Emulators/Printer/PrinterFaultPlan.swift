/// A script of printer faults: what goes wrong and when. Decodable from `Scenarios/*.json`;
/// nothing in a plan sleeps — faults fire on byte and row counts the emulator observes.
///
/// JSON shape (Swift's synthesized enum coding):
/// `{"name": "paper-out", "faults": [{"fault": {"paperOut": {}}, "activation": {"afterRows": {"_0": 100}}}]}`.
/// Unplugging is not a fault: close the stream the emulator serves on.
public struct PrinterFaultPlan: Sendable, Equatable, Codable {
    /// A short name, e.g. `paper-out-mid-receipt`.
    public var name: String
    /// What the plan rehearses, for people reading the scenario.
    public var description: String?
    /// The faults, in the order they were written.
    public var faults: [PrinterScheduledFault]

    /// A plan; an empty one plays no fault.
    public init(name: String = "unnamed", description: String? = nil, faults: [PrinterScheduledFault] = []) {
        self.name = name
        self.description = description
        self.faults = faults
    }
}

/// One fault of a printer plan: what goes wrong (`fault`) and when (`activation`).
public struct PrinterScheduledFault: Sendable, Equatable, Codable {
    /// What goes wrong.
    public var fault: PrinterFault
    /// When it takes effect.
    public var activation: PrinterFaultActivation

    /// A scheduled fault, immediate unless told otherwise.
    public init(_ fault: PrinterFault, activation: PrinterFaultActivation = .immediately) {
        self.fault = fault
        self.activation = activation
    }
}

/// What goes wrong in the emulated printer. Each fault holds from its activation until the
/// control API clears it (`setPaper`, `closeCover`, `setCutterError(false)`, `setOnline(true)`).
public enum PrinterFault: Sendable, Equatable, Codable {
    /// The near-end sensor triggers; printing continues.
    case paperNearEnd
    /// The paper runs out: printing stops where it stands, the page in progress is kept as
    /// incomplete, and later bytes are dropped until paper is replaced and `1B 40` arrives.
    case paperOut
    /// The cover opens: printing stops like `paperOut`, until the cover is closed and `1B 40` arrives.
    case coverOpen
    /// The next cut fails: the page is kept uncut and the cutter reports an error.
    case cutterErrorOnNextCut
    /// The printer goes offline: nothing prints and status queries get no reply.
    case offline
    /// The serve loop reads at most `maxBytesPerPass` (≥ 1) bytes per pass and waits
    /// `delayMilliseconds` (≥ 0) between passes, so a writer's buffer fills up.
    case slowConsumer(maxBytesPerPass: Int, delayMilliseconds: Int)
}

/// When a printer fault takes effect; counts start when the plan is installed.
public enum PrinterFaultActivation: Sendable, Equatable, Codable {
    /// At once.
    case immediately
    /// After this many received bytes (≥ 0), before the next byte is parsed.
    case afterBytes(Int)
    /// After this many raster rows (≥ 0) were printed, even in the middle of a strip.
    case afterRows(Int)
}
