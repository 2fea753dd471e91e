import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import OneStopWire

/// The kiosk's HTTP client for the one-stop backend's kiosk API, over AsyncHTTPClient.
///
/// Every call is bounded in time (`BackendLimits`) and in response size, and ends in a typed
/// result: the decoded answer or a ``BackendFailure``. Nothing here retries; the sessions decide.
/// The bearer token goes only into the `Authorization` header and is never logged. The caller owns
/// the `HTTPClient` and shuts it down.
public final class BackendClient: Sendable {
    /// Where the backend is and who this kiosk is.
    public let endpoint: SyncEndpoint
    /// Size and time bounds.
    public let limits: BackendLimits
    let http: HTTPClient
    let credentials: BackendCredentials
    let logger: Logger

    /// A client over `httpClient` (owned by the caller).
    public init(
        endpoint: SyncEndpoint, credentials: BackendCredentials, httpClient: HTTPClient,
        limits: BackendLimits = .standard, logger: Logger
    ) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.http = httpClient
        self.limits = limits
        self.logger = logger
    }

    /// A decoded answer with the backend's `Date` header, when it sent one.
    struct Answer<Body: Sendable>: Sendable {
        var body: Body
        var serverDate: Date?
    }

    /// Sends one request and decodes a 2xx answer as `Response`.
    /// - Parameters:
    ///   - path: below the endpoint's base URL, already percent-encoded, starting with `/`.
    ///   - query: name/value pairs, percent-encoded here.
    ///   - json: the request body, already encoded.
    func call<Response: Decodable & Sendable>(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: Data? = nil,
        timeout: Duration, as type: Response.Type
    ) async -> Result<Answer<Response>, BackendFailure> {
        let started = ContinuousClock.now
        var request = HTTPClientRequest(url: url(path, query: query))
        request.method = method
        request.headers.add(name: "Authorization", value: credentials.authorizationHeader)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: OneStopPaths.contractVersionHeader, value: OneStopContractVersion.current)
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            request.body = .bytes(ByteBuffer(bytes: json))
        }
        let result: Result<Answer<Response>, BackendFailure>
        do {
            let response = try await http.execute(request, timeout: .nanoseconds(Self.nanoseconds(timeout)), logger: nil)
            result = try await read(response, as: type)
        } catch {
            result = .failure(Self.failure(from: error, limit: limits.maximumResponseBytes, address: backendAddress))
        }
        log(method, path, result, elapsed: ContinuousClock.now - started)
        return result
    }

    private func read<Response: Decodable & Sendable>(
        _ response: HTTPClientResponse, as type: Response.Type
    ) async throws -> Result<Answer<Response>, BackendFailure> {
        let code = Int(response.status.code)
        guard (200..<300).contains(code) else {
            let detail = (try? await response.body.collect(upTo: 2_048)).map { Self.sanitisedDetail($0) } ?? ""
            return .failure(.status(code: code, detail: detail))
        }
        let buffer = try await response.body.collect(upTo: limits.maximumResponseBytes)
        let serverDate = response.headers.first(name: "Date").flatMap(Self.httpDate)
        return Self.decode(buffer, as: type).map { Answer(body: $0, serverDate: serverDate) }
    }

    func url(_ path: String, query: [(String, String)]) -> String {
        var base = endpoint.baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        guard !query.isEmpty else { return base + path }
        let pairs = query.map { Self.percentEncoded($0.0) + "=" + Self.percentEncoded($0.1) }
        return base + path + "?" + pairs.joined(separator: "&")
    }

    /// `host:port` of the backend, for transport errors.
    var backendAddress: String {
        let url = endpoint.baseURL
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return "\(url.host ?? "backend"):\(port)"
    }

    /// The kiosk id as one percent-encoded path segment.
    var kioskSegment: String { Self.percentEncoded(endpoint.kioskID) }

    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }

    private func log<T>(_ method: HTTPMethod, _ path: String, _ result: Result<T, BackendFailure>, elapsed: Duration) {
        let milliseconds = Self.nanoseconds(elapsed) / 1_000_000
        switch result {
        case .success:
            logger.debug("backend call", metadata: [
                "http.method": "\(method.rawValue)", "http.path": "\(path)", "duration.ms": "\(milliseconds)",
            ])
        case .failure(let failure):
            logger.warning("backend call failed", metadata: [
                "http.method": "\(method.rawValue)", "http.path": "\(path)", "duration.ms": "\(milliseconds)",
                "error": "\(failure)",
            ])
        }
    }
}

extension BackendClient {
    /// An `HTTPClient` configured for the backend: connections time out after `connectTimeout`
    /// (so an outage is noticed quickly), redirects are not followed (a redirect could carry the
    /// bearer token elsewhere). The caller shuts it down.
    public static func makeHTTPClient(connectTimeout: Duration = .seconds(3)) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .nanoseconds(nanoseconds(connectTimeout)), read: .seconds(60))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}
