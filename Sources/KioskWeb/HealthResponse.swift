/// The body of `GET /api/health`.
public struct HealthResponse: Codable, Sendable, Equatable {
    /// Software version.
    public var version: String
    /// This kiosk's id.
    public var kioskID: String

    public init(version: String, kioskID: String) {
        self.version = version
        self.kioskID = kioskID
    }
}
