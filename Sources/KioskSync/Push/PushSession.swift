/// The outbox push as a state machine with no I/O: it decides which events go in the next batch,
/// what an answer means, when to acknowledge and how long to back off. An actor shell
/// (``SyncService``) performs each ``PushAction`` and reports its outcome as a ``PushEvent``.
///
/// Rules it keeps:
/// - Batches are prefixes of the pending list in `seq` order, one batch in flight at a time, and
///   after any failure the list is read again from the store; so a retry never reorders and never
///   skips an event.
/// - An event leaves the outbox only when the backend names it: accepted, or refused for good
///   with a sequence number the backend has consumed (`SoThuTuCuoi`); the refusal is kept.
/// - A transient failure (transport, time-out, 5xx, 408, 429, malformed or oversized answer) backs
///   off exponentially with jitter; a success resets the backoff.
/// - 413 halves the batch; 400/422 on a batch of several halves it to isolate the refused event;
///   a 400/422 for a single event, a permanent refusal the backend did not consume, or a backend
///   that is behind the kiosk's first pending event blocks the line there and retries only at the
///   maximum backoff, because order matters more than throughput.
/// - Other 4xx answers (401, 403, 404…) wait the maximum backoff: a person must fix them.
public struct PushSession: Sendable {
    /// Where the session is.
    public enum State: Sendable, Equatable {
        /// Waiting for the store's pending list.
        case loading
        /// A batch is in flight.
        case sending([PushItem])
        /// Waiting for the store to record acknowledgements.
        case acknowledging
        /// Backing off.
        case waiting
        /// Nothing pending.
        case idle
    }

    /// Largest batch the session sends, 1–1,000.
    public let maximumBatchSize: Int
    /// Backoff after failures.
    public let backoff: BackoffPolicy
    /// Where the session is.
    public internal(set) var state: State = .loading
    /// The batch size in use now: `maximumBatchSize`, or less after 413/400/422 answers.
    public internal(set) var batchLimit: Int
    /// Failures since the last batch that made progress.
    public internal(set) var consecutiveFailures = 0
    /// The last failure, cleared by a batch that makes progress.
    public internal(set) var lastFailure: BackendFailure?
    /// The event the backend refuses, when the line is blocked.
    public internal(set) var blocked: PushBlock?
    /// Acknowledgements for ids that were not in the batch (a confused backend); counted, ignored.
    public internal(set) var strayAcknowledgements = 0

    /// A session that starts by loading the pending list.
    /// - Throws: `SyncConfigurationError.invalidSize` when `maximumBatchSize` is not 1–1,000.
    public init(maximumBatchSize: Int = 100, backoff: BackoffPolicy = .standard) throws(SyncConfigurationError) {
        guard (1...1_000).contains(maximumBatchSize) else {
            throw .invalidSize(name: "push batch size", value: maximumBatchSize, allowed: 1...1_000)
        }
        self.maximumBatchSize = maximumBatchSize
        self.backoff = backoff
        self.batchLimit = maximumBatchSize
    }

    /// The first action: load the pending list.
    public var firstAction: PushAction { .load(limit: batchLimit) }

    /// Applies `event` and returns the next action. Events that do not fit the state (a stale
    /// report) lead back to loading, because the store is the source of truth.
    public mutating func handle(_ event: PushEvent, using generator: inout some RandomNumberGenerator) -> PushAction {
        switch (state, event) {
        case (.loading, .loaded(let items)):
            return startBatch(items)
        case (.sending(let batch), .answered(let answer)):
            return settle(batch, answer: answer, using: &generator)
        case (.sending(let batch), .failed(let failure)):
            return fail(batch, failure, using: &generator)
        case (.acknowledging, .settled), (.waiting, .waited), (.idle, .nudged):
            return reload()
        default:
            return reload()
        }
    }

    private mutating func reload() -> PushAction {
        state = .loading
        return .load(limit: batchLimit)
    }

    private mutating func startBatch(_ items: [PushItem]) -> PushAction {
        guard !items.isEmpty else {
            state = .idle
            blocked = nil
            return .idle
        }
        let ordered = items.sorted { $0.seq < $1.seq }
        let batch = Array(ordered.prefix(batchLimit))
        state = .sending(batch)
        return .send(batch)
    }
}
