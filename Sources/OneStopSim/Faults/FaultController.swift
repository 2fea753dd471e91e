import Synchronization

/// Holds the installed `FaultPlan` and decides, request by request, which fault plays. Thread
/// safe and synchronous, so the accept path on the event loop can ask it too.
public final class FaultController: Sendable {
    /// What to do with one request.
    public struct Decision: Sendable, Equatable {
        /// Added delay, milliseconds.
        public var latencyMilliseconds = 0
        /// The fault to play, if any (never `latency` or `refuseConnections`).
        public var fault: FaultPlan.Rule?
    }

    /// A rule's state: the rule, how often it fired and, for an outage, its period.
    public struct RuleState: Codable, Sendable, Equatable {
        /// The rule as installed.
        public var rule: FaultPlan.Rule
        /// How many requests (or connections) it has played on.
        public var fired: Int
        /// For a timed `refuseConnections` rule: when the outage started (the plan's installation),
        /// milliseconds on the fault clock since the simulator started.
        public var outageStartedAtMilliseconds: Int?
        /// For a timed `refuseConnections` rule: when the outage ends, same scale.
        public var outageEndsAtMilliseconds: Int?
        /// For a timed `refuseConnections` rule: whether the outage is still going on.
        public var outageActive: Bool?
    }

    /// The installed plan as the control API shows it.
    public struct Snapshot: Codable, Sendable, Equatable {
        /// The plan's seed.
        public var seed: UInt64
        /// The rules in order, with fire counts.
        public var rules: [RuleState]
        /// Incremented by every install or clear; a held `timeout` request ends when it changes.
        public var generation: Int
        /// Now on the fault clock, milliseconds since the simulator started.
        public var clockMilliseconds: Int
    }

    /// The clock fault durations are measured on.
    public let clock: FaultClock
    /// The open connections a starting outage ends.
    let connections = OpenConnections()
    private let state = Mutex(Snapshot(seed: 1, rules: [], generation: 0, clockMilliseconds: 0))
    /// Woken (name `plan`) whenever a plan is installed or cleared.
    let changes = ChangeWaiters()
    private let draws = Mutex(SplitMixGenerator(state: 1))

    /// No faults; durations measured on `clock`.
    public init(clock: FaultClock = .continuous) {
        self.clock = clock
    }

    /// Replaces the plan; counts start from zero and timed outages start now. When an outage
    /// starts, every open connection ends (after the answer it is writing, if any).
    public func install(_ plan: FaultPlan) {
        let now = clock.elapsedMilliseconds
        let outage = state.withLock { snapshot in
            snapshot = Snapshot(
                seed: plan.seed, rules: plan.rules.map { Self.initialState($0, now: now) },
                generation: snapshot.generation + 1, clockMilliseconds: now)
            return snapshot.rules.contains { $0.outageEndsAtMilliseconds.map { now < $0 } ?? false }
        }
        draws.withLock { $0 = SplitMixGenerator(state: plan.seed) }
        changes.notify("plan")
        if outage { connections.endAll() }
    }

    /// A rule's state at installation: nothing fired; an outage's period starts at `now`.
    private static func initialState(_ rule: FaultPlan.Rule, now: Int) -> RuleState {
        guard rule.fault == .refuseConnections, let period = rule.milliseconds else { return RuleState(rule: rule, fired: 0) }
        return RuleState(rule: rule, fired: 0, outageStartedAtMilliseconds: now, outageEndsAtMilliseconds: now + period)
    }

    /// Removes every rule.
    public func clear() {
        install(FaultPlan(seed: 1, rules: []))
    }

    /// The plan with fire counts, and the clock now.
    public var snapshot: Snapshot {
        let now = clock.elapsedMilliseconds
        return state.withLock { snapshot in
            var copy = snapshot
            copy.clockMilliseconds = now
            for index in copy.rules.indices {
                copy.rules[index].outageActive = copy.rules[index].outageEndsAtMilliseconds.map { now < $0 }
            }
            return copy
        }
    }

    /// The current generation (see `Snapshot.generation`).
    public var generation: Int { state.withLock { $0.generation } }

    /// The fault for a request of `operation`: total latency of matching `latency` rules, and the
    /// first other matching rule that still has count left and wins its draw.
    public func decide(operation: String) -> Decision {
        state.withLock { snapshot in
            var decision = Decision()
            var chosen = false
            for index in snapshot.rules.indices {
                let rule = snapshot.rules[index].rule
                guard rule.fault != .refuseConnections, rule.operation == nil || rule.operation == operation else { continue }
                guard rule.fault == .latency || !chosen else { continue }
                guard rule.count.map({ snapshot.rules[index].fired < $0 }) ?? true, wins(rule.percent ?? 100) else { continue }
                snapshot.rules[index].fired += 1
                if rule.fault == .latency {
                    decision.latencyMilliseconds += rule.milliseconds ?? 0
                } else {
                    decision.fault = rule
                    chosen = true
                }
            }
            return decision
        }
    }

    /// Whether a new connection must be closed at accept (and counts it): a counted rule with
    /// count left, a timed rule whose outage is going on, or an untimed uncounted rule.
    public func refuseConnection() -> Bool {
        let now = clock.elapsedMilliseconds
        return state.withLock { snapshot in
            for index in snapshot.rules.indices where snapshot.rules[index].rule.fault == .refuseConnections {
                let rule = snapshot.rules[index].rule
                guard rule.count.map({ snapshot.rules[index].fired < $0 }) ?? true,
                    snapshot.rules[index].outageEndsAtMilliseconds.map({ now < $0 }) ?? true,
                    wins(rule.percent ?? 100)
                else { continue }
                snapshot.rules[index].fired += 1
                return true
            }
            return false
        }
    }

    /// One draw: true with probability `percent` / 100 (no draw at 0 or 100, so counts stay exact).
    private func wins(_ percent: Int) -> Bool {
        if percent >= 100 { return true }
        if percent <= 0 { return false }
        return draws.withLock { Int($0.next() % 100) < percent }
    }
}
