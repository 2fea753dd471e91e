/// What the backend's manifest page said about paging (its entries stay with the shell).
public struct PageSummary: Sendable, Equatable {
    /// The cursor to resume after this page (`ConTro`); `nil` keeps the one sent.
    public var nextCursor: String?
    /// Whether more pages follow now.
    public var hasMore: Bool
    /// How many entries (dossiers and tombstones) the page carries.
    public var entryCount: Int

    /// A summary.
    public init(nextCursor: String?, hasMore: Bool, entryCount: Int) {
        self.nextCursor = nextCursor
        self.hasMore = hasMore
        self.entryCount = entryCount
    }
}

/// Something the pull shell reports to the ``PullSession``.
public enum PullEvent: Sendable, Equatable {
    /// The page asked for arrived and decoded; the shell holds its entries.
    case fetched(PageSummary)
    /// The store applied the page and saved its cursor in the same transaction.
    case applied
    /// The fetch (or the apply) failed.
    case failed(BackendFailure)
    /// The wait the session asked for is over.
    case waited
}

/// What the ``PullSession`` asks its shell to do next.
public enum PullAction: Sendable, Equatable {
    /// Fetch the manifest page after `cursor` (`nil`: from the beginning); report `.fetched` or `.failed`.
    case fetch(cursor: String?)
    /// Apply the fetched page and save `cursor` in one transaction; report `.applied` or `.failed`.
    case apply(cursor: String?)
    /// Sleep this long on the injected clock; report `.waited`.
    case wait(Duration)
    /// The round is over.
    case finish(PullOutcome)
}

/// How a manifest round ended.
public enum PullOutcome: Sendable, Equatable {
    /// Every page up to now is applied; `pages` pages and `entries` entries this round.
    case upToDate(pages: Int, entries: Int)
    /// The round stopped at the page limit with more to fetch; the next round resumes there.
    case pageLimitReached(pages: Int, entries: Int)
    /// The round gave up after repeated failures; the cursor is where the last applied page left it.
    case failed(BackendFailure, pages: Int, entries: Int)
}
