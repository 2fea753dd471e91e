import Foundation

/// Where the one-stop backend is and how this kiosk authenticates to it.
public struct SyncEndpoint: Sendable, Equatable {
    /// Base URL of the backend's kiosk API, e.g. `https://motcua.example.gov.vn/kiosk-api/v1`.
    public var baseURL: URL
    /// This kiosk's id as registered at the backend.
    public var kioskID: String

    /// An endpoint.
    public init(baseURL: URL, kioskID: String) {
        self.baseURL = baseURL
        self.kioskID = kioskID
    }
}
