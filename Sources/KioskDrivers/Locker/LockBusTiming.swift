/// The time bounds a lock-bus driver works with. All durations must be positive.
public struct LockBusTiming: Sendable, Equatable {
    /// How long a request waits for its reply before it counts as a timeout (Kerong 100 ms, WKLY 200 ms).
    public var commandTimeout: Duration
    /// How often each routine poll goes out when nothing more urgent is pending (default 200 ms).
    public var pollInterval: Duration
    /// The least time between two solenoid pulses on the bus (default 300 ms), so the supply never
    /// drives two coils at once.
    public var pulseSpacing: Duration
    /// The quiet time after each transaction (default 20 ms): bus turnaround, pushes and late duplicates are read then.
    public var transactionGap: Duration
    /// The first wait before reopening a lost stream (default 100 ms); doubles per failure.
    public var reconnectInitial: Duration
    /// The longest wait between reopen attempts (default 5 s).
    public var reconnectMaximum: Duration
    /// Consecutive timeouts after which a board is declared offline (default 3, at least 1).
    public var offlineAfter: Int

    /// Timing with every field given.
    public init(
        commandTimeout: Duration, pollInterval: Duration = .milliseconds(200), pulseSpacing: Duration = .milliseconds(300),
        transactionGap: Duration = .milliseconds(20), reconnectInitial: Duration = .milliseconds(100),
        reconnectMaximum: Duration = .seconds(5), offlineAfter: Int = 3
    ) {
        self.commandTimeout = commandTimeout
        self.pollInterval = pollInterval
        self.pulseSpacing = pulseSpacing
        self.transactionGap = transactionGap
        self.reconnectInitial = reconnectInitial
        self.reconnectMaximum = reconnectMaximum
        self.offlineAfter = offlineAfter
    }

    /// The defaults for a family: command timeout 100 ms for Kerong (19200 baud), 200 ms for WKLY (9600 baud).
    public static func defaults(for family: LockerSlotAddress.Family) -> LockBusTiming {
        switch family {
        case .kerong: LockBusTiming(commandTimeout: .milliseconds(100))
        case .wkly: LockBusTiming(commandTimeout: .milliseconds(200))
        }
    }

    /// The next reconnect wait after `current`: doubled, capped at `reconnectMaximum`.
    func backoff(after current: Duration) -> Duration {
        min(current * 2, reconnectMaximum)
    }
}
