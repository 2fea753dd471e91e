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

    /// A rule's state: the rule and how often it fired.
    public struct RuleState: Codable, Sendable, Equatable {
        /// The rule as installed.
        public var rule: FaultPlan.Rule
        /// How many requests (or connections) it has played on.
        public var fired: Int
    }

    /// The installed plan as the control API shows it.
    public struct Snapshot: Codable, Sendable, Equatable {
        /// The plan's seed.
        public var seed: UInt64
        /// The rules in order, with fire counts.
        public var rules: [RuleState]
        /// Incremented by every install or clear; a held `timeout` request ends when it changes.
        public var generation: Int
    }

    private let state = Mutex(Snapshot(seed: 1, rules: [], generation: 0))
    /// Woken (name `plan`) whenever a plan is installed or cleared.
    let changes = ChangeWaiters()
    private let draws = Mutex(SplitMixGenerator(state: 1))

    /// No faults.
    public init() {}

    /// Replaces the plan; counts start from zero.
    public func install(_ plan: FaultPlan) {
        state.withLock { snapshot in
            snapshot = Snapshot(
                seed: plan.seed, rules: plan.rules.map { RuleState(rule: $0, fired: 0) }, generation: snapshot.generation + 1)
        }
        draws.withLock { $0 = SplitMixGenerator(state: plan.seed) }
        changes.notify("plan")
    }

    /// Removes every rule.
    public func clear() {
        install(FaultPlan(seed: 1, rules: []))
    }

    /// The plan with fire counts.
    public var snapshot: Snapshot { state.withLock { $0 } }

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

    /// Whether a new connection must be closed at accept (and counts it).
    public func refuseConnection() -> Bool {
        state.withLock { snapshot in
            for index in snapshot.rules.indices where snapshot.rules[index].rule.fault == .refuseConnections {
                let rule = snapshot.rules[index].rule
                guard rule.count.map({ snapshot.rules[index].fired < $0 }) ?? true, wins(rule.percent ?? 100) else { continue }
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
