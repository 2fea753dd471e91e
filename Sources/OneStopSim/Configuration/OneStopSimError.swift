/// Why onestop-sim cannot start or a control action cannot be done. English, for technicians.
public enum OneStopSimError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A bad command line or configuration value (exit status 2).
    case configuration(String)
    /// A seed file is missing or malformed (exit status 3).
    case seed(String)
    /// A control action refers to something that does not exist.
    case notFound(String)
    /// A control action contradicts the current state.
    case conflict(String)

    public var description: String {
        switch self {
        case .configuration(let message): "configuration: \(message)"
        case .seed(let message): "seed: \(message)"
        case .notFound(let message): "not found: \(message)"
        case .conflict(let message): "conflict: \(message)"
        }
    }
}
