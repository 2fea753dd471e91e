import GRDB

extension AppDatabase {
    /// Walks the whole journal in order and reports the first entry that breaks the chain:
    /// altered content, a broken link, a missing position, or missing entries at the end.
    public func verifyJournal() async throws -> JournalVerification {
        try await writer.read { db in
            let head = try Self.journalHead(db)
            var previousHash = JournalChain.genesisHash
            var expectedSeq: Int64 = 1
            var count = 0
            let entries = try JournalEntry.order(Column("seq")).fetchCursor(db)
            while let entry = try entries.next() {
                if entry.seq != expectedSeq {
                    return .broken(JournalBreak(seq: entry.seq, reason: .sequenceGap(expected: expectedSeq)))
                }
                if JournalChain.expectedHash(of: entry) != entry.hash {
                    return .broken(JournalBreak(seq: entry.seq, reason: .contentAltered))
                }
                if entry.previousHash != previousHash {
                    return .broken(JournalBreak(seq: entry.seq, reason: .linkBroken))
                }
                previousHash = entry.hash
                expectedSeq += 1
                count += 1
            }
            let lastSeq = expectedSeq - 1
            if let head, head.seq != lastSeq || head.hash != previousHash {
                if head.seq > lastSeq {
                    return .broken(JournalBreak(seq: lastSeq, reason: .truncatedAfter(recordedHead: head.seq)))
                }
                return .broken(JournalBreak(seq: lastSeq, reason: .linkBroken))
            }
            return .intact(entries: count, headHash: previousHash)
        }
    }

    /// Journal entries from position `after` + 1 on, oldest first, at most `limit`.
    public func journalEntries(after: Int64 = 0, limit: Int = 100) async throws -> [JournalEntry] {
        try await writer.read { db in
            try JournalEntry.filter(Column("seq") > after).order(Column("seq")).limit(limit).fetchAll(db)
        }
    }
}
