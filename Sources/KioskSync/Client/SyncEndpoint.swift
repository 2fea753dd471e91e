import Foundation

/// Where the one-stop backend is and how this kiosk authenticates to it.
public struct SyncEndpoint: Sendable, Equatable {
    /// Base URL under which the contract's paths (`/api/v1/kiosks/…`) live, e.g.
    /// `https://motcua.example.gov.vn`; a trailing slash is ignored.
    public var baseURL: URL
    /// This kiosk's id as registered at the backend.
    public var kioskID: String

    /// An endpoint.
    public init(baseURL: URL, kioskID: String) {
        self.baseURL = baseURL
        self.kioskID = kioskID
    }
}
