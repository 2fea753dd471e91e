/// Why a configuration was refused. `description` is the one line `kioskd` prints before it
/// exits with status 2.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not a JSON object of reasonable size.
    case malformed(String)
    /// A required key is absent.
    case missing(key: String)
    /// A key is present with a wrong type or an out-of-range value.
    case invalid(key: String, reason: String)
    /// A key the kiosk does not know (usually a typo).
    case unknown(key: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "config: cannot read \(path): \(reason)"
        case .malformed(let reason): "config: the file is malformed: \(reason)"
        case .missing(let key): "config: missing key '\(key)'"
        case .invalid(let key, let reason): "config: key '\(key)' \(reason)"
        case .unknown(let key): "config: unknown key '\(key)'"
        }
    }
}
