/// A sync setting that cannot work, named precisely for the technician who wrote it.
public enum SyncConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The backoff numbers are out of range.
    case invalidBackoff(String)
    /// A batch or page size outside its bounds.
    case invalidSize(name: String, value: Int, allowed: ClosedRange<Int>)
    /// An interval or timeout that is not positive.
    case invalidInterval(name: String, value: Duration)

    public var description: String {
        switch self {
        case .invalidBackoff(let detail): "backoff must grow from a positive initial delay to a larger cap (\(detail))"
        case .invalidSize(let name, let value, let allowed):
            "\(name) is \(value), allowed \(allowed.lowerBound)…\(allowed.upperBound)"
        case .invalidInterval(let name, let value): "\(name) must be positive, not \(value)"
        }
    }
}
