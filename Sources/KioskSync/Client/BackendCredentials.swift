/// The bearer token this kiosk presents to the one-stop backend. It never appears in
/// `description`, `debugDescription`, a `Mirror` or a log line; only the request header carries it.
public struct BackendCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The token, 1–4,096 visible ASCII characters. Secret: put it in the header, nowhere else.
    let token: String

    /// Credentials from a token read from configuration or a systemd credential file; surrounding
    /// white space (a trailing newline) is removed.
    /// - Throws: `SyncConfigurationError.invalidSize` when the token is empty, too long, or holds
    ///   characters a header cannot carry.
    public init(bearerToken: String) throws(SyncConfigurationError) {
        let trimmed = bearerToken.trimmingWhitespace()
        guard (1...4_096).contains(trimmed.utf8.count), trimmed.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .invalidSize(name: "bearer token length (visible ASCII only)", value: trimmed.utf8.count, allowed: 1...4_096)
        }
        token = trimmed
    }

    /// The `Authorization` header value.
    var authorizationHeader: String { "Bearer " + token }

    /// `BackendCredentials(<redacted>)`.
    public var description: String { "BackendCredentials(<redacted>)" }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// No children.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
