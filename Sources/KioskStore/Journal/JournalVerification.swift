/// The outcome of walking the journal chain.
public enum JournalVerification: Equatable, Sendable {
    /// Every entry hashes correctly, links to its predecessor, and the last one matches the
    /// recorded head.
    case intact(entries: Int, headHash: String)
    /// The first entry (by position) at which the chain does not hold, and why.
    case broken(JournalBreak)

    /// Whether the chain holds.
    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }
}

/// Where and how the journal chain breaks.
public struct JournalBreak: Equatable, Sendable, CustomStringConvertible {
    /// Why an entry fails verification.
    public enum Reason: Equatable, Sendable {
        /// The entry's content no longer matches its hash: a field was edited.
        case contentAltered
        /// The entry does not link to the hash of the entry before it: an entry was removed,
        /// inserted or reordered.
        case linkBroken
        /// Positions jump: entries between were removed.
        case sequenceGap(expected: Int64)
        /// Entries after this one were removed: the recorded head is later than the last entry.
        case truncatedAfter(recordedHead: Int64)
    }

    /// The position of the first entry that fails (for truncation, the last entry left).
    public let seq: Int64
    /// Why it fails.
    public let reason: Reason

    public var description: String {
        switch reason {
        case .contentAltered: "journal entry \(seq) was altered after it was written"
        case .linkBroken: "journal entry \(seq) does not link to the entry before it"
        case .sequenceGap(let expected): "journal entry \(expected) is missing (next present is \(seq))"
        case .truncatedAfter(let head): "journal entries after \(seq) are missing (head was \(head))"
        }
    }
}
