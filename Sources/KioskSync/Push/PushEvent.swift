/// Something the push shell reports to the ``PushSession``.
public enum PushEvent: Sendable, Equatable {
    /// The store returned these unacknowledged events (oldest first, at most the asked limit).
    case loaded([PushItem])
    /// The backend answered the batch in flight with a success status and this content.
    case answered(PushAnswer)
    /// The batch in flight got no usable answer.
    case failed(BackendFailure)
    /// The store recorded the settlement the session asked for.
    case settled
    /// The wait the session asked for is over.
    case waited
    /// New events were committed, or the shell's idle interval passed.
    case nudged
}

/// What the ``PushSession`` asks its shell to do next. The shell performs exactly one action and
/// reports its outcome as the next ``PushEvent``.
public enum PushAction: Sendable, Equatable {
    /// Read at most `limit` unacknowledged events in sequence order; report `.loaded`.
    case load(limit: Int)
    /// Mark these events sent, post them as one batch in this order; report `.answered` or `.failed`.
    case send([PushItem])
    /// Record the settlement in the store in one transaction; report `.settled`.
    case settle(PushSettlement)
    /// Sleep this long on the injected clock; report `.waited`.
    case wait(Duration)
    /// Nothing to send: wait for new events or the idle interval; report `.nudged`.
    case idle
}
