import KioskSync
import TestSupport
import Testing

@Suite struct PullSessionTests {
    @Test func pagesAreFetchedAfterTheStoredCursor_andEachCursorIsAppliedWithItsPage() throws {
        // Given a round resuming after cursor "c2"
        var session = try PullSession(resumingAfter: "c2")
        var rng = SplitMix64(seed: 1)
        #expect(session.firstAction == .fetch(cursor: "c2"))
        // When two pages arrive, the second saying no more follow
        #expect(session.handle(.fetched(PageSummary(nextCursor: "c3", hasMore: true, entryCount: 50)), using: &rng)
            == .apply(cursor: "c3"))
        #expect(session.handle(.applied, using: &rng) == .fetch(cursor: "c3"))
        #expect(session.handle(.fetched(PageSummary(nextCursor: "c4", hasMore: false, entryCount: 7)), using: &rng)
            == .apply(cursor: "c4"))
        // Then the round ends up to date with the counts, and the cursor is the last page's
        #expect(session.handle(.applied, using: &rng) == .finish(.upToDate(pages: 2, entries: 57)))
        #expect(session.cursor == "c4")
    }

    @Test func aFailedApply_keepsTheOldCursor_andFetchesTheSamePageAgainAfterBackoff() throws {
        var session = try PullSession(resumingAfter: "c7")
        var rng = SplitMix64(seed: 2)
        _ = session.handle(.fetched(PageSummary(nextCursor: "c8", hasMore: false, entryCount: 3)), using: &rng)
        let action = session.handle(.failed(.transport("connection reset")), using: &rng)
        guard case .wait(let delay) = action else {
            Issue.record("expected a backoff, got \(action)")
            return
        }
        #expect(delay > .zero)
        #expect(session.cursor == "c7")
        #expect(session.handle(.waited, using: &rng) == .fetch(cursor: "c7"))
    }

    @Test func aCursorThatDoesNotAdvance_whileMorePagesAreClaimed_isMalformed_andTheRoundGivesUp() throws {
        var session = try PullSession(resumingAfter: "c1", maximumAttempts: 2)
        var rng = SplitMix64(seed: 3)
        let stuck = PageSummary(nextCursor: "c1", hasMore: true, entryCount: 10)
        guard case .wait = session.handle(.fetched(stuck), using: &rng) else {
            Issue.record("a stuck cursor must not be applied")
            return
        }
        _ = session.handle(.waited, using: &rng)
        let outcome = session.handle(.fetched(stuck), using: &rng)
        guard case .finish(.failed(.malformed, pages: 0, entries: 0)) = outcome else {
            Issue.record("expected the round to give up, got \(outcome)")
            return
        }
        #expect(session.cursor == "c1")
    }

    @Test func aPermanentRefusal_endsTheRoundAtOnce() throws {
        var session = try PullSession(resumingAfter: nil)
        var rng = SplitMix64(seed: 4)
        let action = session.handle(.failed(.status(code: 401, detail: "token expired")), using: &rng)
        #expect(action == .finish(.failed(.status(code: 401, detail: "token expired"), pages: 0, entries: 0)))
    }

    @Test func theRoundStopsAtThePageLimit_andTheNextRoundResumesThere() throws {
        var session = try PullSession(resumingAfter: nil, maximumPages: 3)
        var rng = SplitMix64(seed: 5)
        var action = session.firstAction
        var page = 0
        while case .fetch = action {
            page += 1
            _ = session.handle(.fetched(PageSummary(nextCursor: "p\(page)", hasMore: true, entryCount: 1)), using: &rng)
            action = session.handle(.applied, using: &rng)
        }
        #expect(action == .finish(.pageLimitReached(pages: 3, entries: 3)))
        let next = try PullSession(resumingAfter: session.cursor)
        #expect(next.firstAction == .fetch(cursor: "p3"))
    }
}
