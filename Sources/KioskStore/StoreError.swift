/// Failures of the durable store that callers act on; SQLite errors pass through as `DatabaseError`.
public enum StoreError: Error, Equatable, Sendable {
    /// A row the change depends on does not exist.
    case notFound(String)
    /// The change would break an invariant the caller could have checked.
    case conflict(String)
}
