import DeviceProtocols
import KioskHAL

/// The state every scanner driver shares, whatever its wiring: the event stream, the arming and
/// debounce gate, the device state, and the injected clock. Drivers keep one as an actor
/// property and route every outcome through `publish(_:)`, so the policy is written once:
///
/// - A checked scan is published as `.scanned` only when the gate accepts it (armed, not a
///   duplicate within the debounce window); the gate then disarms. Dropped scans publish nothing.
/// - A refused payload (`.rejected`) is published whether armed or not and never disarms.
/// - `.connected` after each successful open, `.disconnected` when an open link fails.
struct ScannerCore: Sendable {
    /// The driver's name in errors.
    let name: String
    /// Where events go; finished by `finish()`.
    let eventSink: AsyncStream<ScanEvent>.Continuation
    /// Time since the driver was created, on its clock.
    let now: @Sendable () -> Duration
    /// Sleeps on the driver's clock.
    let sleep: @Sendable (Duration) async throws -> Void
    /// Arming and debounce.
    var gate: ScanGate
    /// The device state reported by `status`.
    var device: DeviceStatus = .starting
    /// Whether a link is open now.
    var connected = false

    /// A core with a disarmed gate, and the event stream its driver hands out.
    static func make<C: Clock<Duration>>(
        name: String, debounceWindow: Duration, clock: C
    ) -> (core: ScannerCore, events: AsyncStream<ScanEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: ScanEvent.self, bufferingPolicy: .unbounded)
        let start = clock.now
        let core = ScannerCore(
            name: name, eventSink: continuation,
            now: { start.duration(to: clock.now) },
            sleep: { try await clock.sleep(for: $0) },
            gate: ScanGate(debounceWindow: debounceWindow))
        return (core, stream)
    }

    /// The status snapshot: device state and arming.
    var status: ScannerStatus {
        ScannerStatus(device: device, arming: gate.isArmed ? .armed : .disarmed)
    }

    /// Opens the gate; the caller has checked cancellation.
    /// - Throws: `HALError.disconnected` when no link is open (the gate stays as it was).
    mutating func arm() throws(HALError) {
        guard connected else { throw HALError(.disconnected, device: name, detail: "scanner not connected") }
        gate.arm()
    }

    /// Gates every outcome at the current time and publishes what passes.
    mutating func publish(_ outcomes: [ScanOutcome]) {
        guard !outcomes.isEmpty else { return }
        let time = now()
        for outcome in outcomes {
            if case .accepted = gate.admit(outcome, at: time) {
                eventSink.yield(outcome.event)
            }
        }
    }

    /// A link opened: online, `.connected` published.
    mutating func linkOpened() {
        connected = true
        device = .online
        eventSink.yield(.connected)
    }

    /// A link was lost or could not be opened: offline; `.disconnected` published when `announce`.
    mutating func linkLost(announce: Bool) {
        connected = false
        device = .offline
        if announce { eventSink.yield(.disconnected) }
    }

    /// The driver stopped: offline, and the event stream finishes.
    mutating func finish() {
        linkLost(announce: false)
        eventSink.finish()
    }
}

/// How a scanner reopens a lost link: the first wait, doubled per failure up to the maximum.
/// Both durations must be positive.
public struct ScannerReconnectPolicy: Sendable, Equatable {
    /// The first wait before reopening a lost link (default 100 ms).
    public var initial: Duration
    /// The longest wait between reopen attempts (default 5 s).
    public var maximum: Duration

    /// A policy; every field has a default.
    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The next wait after `current`: doubled, capped at `maximum`.
    func backoff(after current: Duration) -> Duration {
        min(current * 2, maximum)
    }
}
