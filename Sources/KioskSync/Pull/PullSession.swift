/// One round of manifest paging as a state machine with no I/O. It asks for pages after the
/// stored cursor, has each page applied together with its cursor, and stops when the backend says
/// no more pages follow, after `maximumPages`, or after `maximumAttempts` failures in a row
/// (backing off between them). A page whose cursor does not advance while claiming more pages is
/// treated as malformed, so a confused backend cannot keep the kiosk looping.
public struct PullSession: Sendable {
    /// Where the round is.
    public enum State: Sendable, Equatable {
        /// A page request is in flight.
        case fetching
        /// A page is being applied.
        case applying(PageSummary)
        /// Backing off before asking again.
        case waiting
        /// The round is over.
        case finished(PullOutcome)
    }

    /// The cursor of the last page applied (what the store holds).
    public private(set) var cursor: String?
    /// Where the round is.
    public private(set) var state: State = .fetching
    /// Pages applied this round.
    public private(set) var pages = 0
    /// Entries applied this round.
    public private(set) var entries = 0
    /// Failures in a row.
    public private(set) var consecutiveFailures = 0
    /// The most pages one round applies, 1–100,000.
    public let maximumPages: Int
    /// Failures in a row after which the round gives up, 1–100.
    public let maximumAttempts: Int
    /// Backoff between failed attempts.
    public let backoff: BackoffPolicy

    /// A round that resumes after `cursor`.
    /// - Throws: `SyncConfigurationError.invalidSize` for limits out of range.
    public init(
        resumingAfter cursor: String?, maximumPages: Int = 1_000, maximumAttempts: Int = 5,
        backoff: BackoffPolicy = .standard
    ) throws(SyncConfigurationError) {
        guard (1...100_000).contains(maximumPages) else {
            throw .invalidSize(name: "manifest pages per round", value: maximumPages, allowed: 1...100_000)
        }
        guard (1...100).contains(maximumAttempts) else {
            throw .invalidSize(name: "manifest attempts", value: maximumAttempts, allowed: 1...100)
        }
        self.cursor = cursor
        self.maximumPages = maximumPages
        self.maximumAttempts = maximumAttempts
        self.backoff = backoff
    }

    /// The first action: fetch after the stored cursor.
    public var firstAction: PullAction { .fetch(cursor: cursor) }

    /// Applies `event` and returns the next action.
    public mutating func handle(_ event: PullEvent, using generator: inout some RandomNumberGenerator) -> PullAction {
        switch (state, event) {
        case (.fetching, .fetched(let page)):
            if page.hasMore, page.nextCursor == nil || page.nextCursor == cursor {
                return fail(.malformed("a manifest page claims more pages but its cursor does not advance"), using: &generator)
            }
            state = .applying(page)
            return .apply(cursor: page.nextCursor ?? cursor)
        case (.applying(let page), .applied):
            consecutiveFailures = 0
            cursor = page.nextCursor ?? cursor
            pages += 1
            entries += page.entryCount
            if !page.hasMore { return finish(.upToDate(pages: pages, entries: entries)) }
            if pages >= maximumPages { return finish(.pageLimitReached(pages: pages, entries: entries)) }
            state = .fetching
            return .fetch(cursor: cursor)
        case (.fetching, .failed(let failure)), (.applying, .failed(let failure)):
            return fail(failure, using: &generator)
        case (.waiting, .waited):
            state = .fetching
            return .fetch(cursor: cursor)
        case (.finished(let outcome), _):
            return .finish(outcome)
        default:
            state = .fetching
            return .fetch(cursor: cursor)
        }
    }

    private mutating func fail(_ failure: BackendFailure, using generator: inout some RandomNumberGenerator) -> PullAction {
        consecutiveFailures += 1
        guard consecutiveFailures < maximumAttempts, failure.isTransient else {
            return finish(.failed(failure, pages: pages, entries: entries))
        }
        state = .waiting
        return .wait(backoff.delay(afterFailures: consecutiveFailures, using: &generator))
    }

    private mutating func finish(_ outcome: PullOutcome) -> PullAction {
        state = .finished(outcome)
        return .finish(outcome)
    }
}
