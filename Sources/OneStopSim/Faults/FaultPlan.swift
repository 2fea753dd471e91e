/// A scripted set of faults for the contract API, installed over the control API
/// (`PUT /control/faults`). Deterministic: probabilistic rules draw from a SplitMix64 sequence
/// seeded by `seed`, counted rules fire on exactly the next `count` matching requests.
public struct FaultPlan: Codable, Sendable, Equatable {
    /// What a rule does to a matching request.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Wait `milliseconds` before handling (combines with any other rule).
        case latency
        /// Answer `status` (5xx) without handling, with probability `percent` (default 100).
        case error
        /// Never answer: hold the request until the client gives up, the plan is cleared or
        /// `milliseconds` (default 120 000) pass; nothing is handled.
        case timeout
        /// Handle and commit, then close the connection without an answer (`status` absent) or
        /// answer `status` (5xx) instead of the real answer.
        case lostResponse
        /// Handle, then replace the answer's body by `malformed` garbage with status 200.
        case malformed
        /// Close new connections at accept: the next `count` connections, or every connection for
        /// `milliseconds` from the plan's installation (an outage: open connections end too, each
        /// after the answer it is writing), or all while the rule stands.
        case refuseConnections
    }

    /// The garbage a `malformed` rule sends.
    public enum Garbage: String, Codable, Sendable, CaseIterable {
        /// Valid JSON of the wrong shape (strings where numbers are expected…).
        case wrongTypes
        /// The real body cut in half.
        case truncated
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// 16 MiB of JSON-looking text.
        case huge
        /// The real answer with every scalar member of its top-level object removed: valid JSON of
        /// the right shape (lists and nested objects kept) lacking its required fields.
        case missingFields
    }

    /// One rule.
    public struct Rule: Codable, Sendable, Equatable {
        /// What it does.
        public var fault: Kind
        /// Only requests of this operation (`operationId` of the OpenAPI file: `getManifest`,
        /// `postEvents`, `lookupStatus`, `getProcedureCatalogue`, `getStaffDirectory`,
        /// `createPayment`, `getPayment`, `postHeartbeat`); every operation when absent.
        public var operation: String?
        /// How many matching requests (or connections) it applies to; unlimited when absent.
        public var count: Int?
        /// Probability in percent, 0–100 (default 100), drawn from the plan's seeded sequence.
        public var percent: Int?
        /// HTTP status for `error` and `lostResponse` (500–599; `error` defaults to 503).
        public var status: Int?
        /// Delay for `latency`, maximum hold for `timeout`, outage period for `refuseConnections`;
        /// measured on the simulator's `FaultClock`.
        public var milliseconds: Int?
        /// The garbage for `malformed` (default `wrongTypes`).
        public var malformed: Garbage?

        /// A rule.
        public init(
            fault: Kind, operation: String? = nil, count: Int? = nil, percent: Int? = nil, status: Int? = nil,
            milliseconds: Int? = nil, malformed: Garbage? = nil
        ) {
            self.fault = fault
            self.operation = operation
            self.count = count
            self.percent = percent
            self.status = status
            self.milliseconds = milliseconds
            self.malformed = malformed
        }
    }

    /// Seed of the probability draws.
    public var seed: UInt64
    /// The rules, first match wins (except `latency`, which always adds up).
    public var rules: [Rule]

    /// A plan.
    public init(seed: UInt64 = 1, rules: [Rule]) {
        self.seed = seed
        self.rules = rules
    }

    /// The kinds whose rules take `milliseconds`.
    static let timedKinds: Set<Kind> = [.latency, .timeout, .refuseConnections]

    /// Refuses rules that cannot work.
    /// - Throws: `OneStopSimError.configuration` naming the rule.
    public func validate() throws(OneStopSimError) {
        for (index, rule) in rules.enumerated() {
            if let count = rule.count, count < 0 { throw .configuration("rule \(index): count must be >= 0") }
            if let percent = rule.percent, !(0...100).contains(percent) { throw .configuration("rule \(index): percent must be 0-100") }
            if let status = rule.status, !(500...599).contains(status) { throw .configuration("rule \(index): status must be 500-599") }
            if let milliseconds = rule.milliseconds, !(0...600_000).contains(milliseconds) {
                throw .configuration("rule \(index): milliseconds must be 0-600000")
            }
            if rule.fault == .latency, rule.milliseconds == nil { throw .configuration("rule \(index): latency needs milliseconds") }
            if rule.milliseconds != nil, !Self.timedKinds.contains(rule.fault) {
                throw .configuration("rule \(index): milliseconds applies to latency, timeout and refuseConnections only")
            }
            if rule.fault == .refuseConnections, rule.count != nil, rule.milliseconds != nil {
                throw .configuration("rule \(index): refuseConnections takes count or milliseconds, not both")
            }
            if rule.fault == .refuseConnections, rule.operation != nil {
                throw .configuration("rule \(index): refuseConnections acts before any operation is known; drop operation")
            }
            if rule.malformed != nil, rule.fault != .malformed {
                throw .configuration("rule \(index): malformed applies to the malformed fault only")
            }
        }
    }
}
