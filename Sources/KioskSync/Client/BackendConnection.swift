import AsyncHTTPClient
import Logging

/// A ``BackendClient`` together with the `HTTPClient` it owns, for a process that talks to one
/// backend for its whole life (kioskd). Creating it opens nothing; ``shutdown()`` closes the
/// pooled connections and must be called once, after the last call.
public final class BackendConnection: Sendable {
    /// The client to give the sync service and the citizen calls.
    public let client: BackendClient
    private let http: HTTPClient

    /// A connection to `endpoint` that authenticates with `credentials`, bounded by `limits`;
    /// connecting gives up after `connectTimeout` (and is retried until the call's own bound).
    public init(
        endpoint: SyncEndpoint, credentials: BackendCredentials, limits: BackendLimits = .standard,
        connectTimeout: Duration = .seconds(3), logger: Logger
    ) {
        http = BackendClient.makeHTTPClient(connectTimeout: connectTimeout)
        client = BackendClient(
            endpoint: endpoint, credentials: credentials, httpClient: http, limits: limits, logger: logger)
    }

    /// Closes the HTTP client; calls made afterwards fail with a transport error.
    /// - Throws: the HTTP client's shutdown error (already shut down).
    public func shutdown() async throws {
        try await http.shutdown()
    }
}
