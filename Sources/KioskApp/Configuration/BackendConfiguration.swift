import Foundation

/// The `backend` section: where the one-stop backend is, where kioskd finds its bearer token, and
/// optional overrides of the sync intervals. The token itself is never part of the configuration.
///
/// ```json
/// "backend": {
///   "baseURL": "https://motcua.example.gov.vn",
///   "tokenFile": "/etc/dossier-kiosk/backend.token",
///   "manifestIntervalSeconds": 60
/// }
/// ```
public struct BackendConfiguration: Sendable, Equatable {
    /// Where the bearer token is read when kioskd starts.
    public enum TokenSource: Sendable, Equatable {
        /// An absolute path to a file only its owner may access (mode 0600 or 0400).
        case file(String)
        /// The name of an environment variable of kioskd's process.
        case environment(String)
    }

    /// Base URL of the backend's kiosk API, `http` or `https`, without credentials, query or fragment.
    public var baseURL: URL
    /// Where the bearer token comes from.
    public var token: TokenSource
    /// Longest idle wait between outbox checks, seconds (1–300, default 5).
    public var pushIdleSeconds: Int
    /// Manifest rounds start this often, seconds (5–86,400, default 60).
    public var manifestIntervalSeconds: Int
    /// Catalogue and staff directory refresh interval, seconds (60–86,400, default 900).
    public var refreshIntervalSeconds: Int
    /// Heartbeat interval, seconds (5–3,600, default 60).
    public var heartbeatIntervalSeconds: Int
    /// How long one sync request may take in total, seconds (1–300, default 30).
    public var requestTimeoutSeconds: Int
}

extension BackendConfiguration {
    /// Reads and validates the `backend` section; reads no file and no environment variable.
    /// - Throws: `ConfigurationError` naming the first offending key, e.g. `backend.baseURL`.
    static func read(_ section: ConfigurationReader) throws(ConfigurationError) -> BackendConfiguration {
        if section.has("token") || section.has("bearerToken") {
            let key = section.has("token") ? "token" : "bearerToken"
            throw .invalid(
                key: section.path(of: key),
                reason: "must not hold the token itself; name a file with 'tokenFile' or a variable with 'tokenEnvironment'")
        }
        let baseURL = try readBaseURL(section)
        let token = try readTokenSource(section)
        let configuration = BackendConfiguration(
            baseURL: baseURL, token: token,
            pushIdleSeconds: try section.integer("pushIdleSeconds", default: 5, in: 1...300),
            manifestIntervalSeconds: try section.integer("manifestIntervalSeconds", default: 60, in: 5...86_400),
            refreshIntervalSeconds: try section.integer("refreshIntervalSeconds", default: 900, in: 60...86_400),
            heartbeatIntervalSeconds: try section.integer("heartbeatIntervalSeconds", default: 60, in: 5...3_600),
            requestTimeoutSeconds: try section.integer("requestTimeoutSeconds", default: 30, in: 1...300))
        try section.refuseUnknownKeys()
        return configuration
    }

    /// `baseURL`: an absolute `http` or `https` URL with a host and nothing a token could hide in.
    private static func readBaseURL(_ section: ConfigurationReader) throws(ConfigurationError) -> URL {
        let text = try section.string("baseURL", length: 1...2_048)
        let key = section.path(of: "baseURL")
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let url = components.url
        else {
            throw .invalid(key: key, reason: "must be an absolute URL such as https://motcua.example.gov.vn")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .invalid(key: key, reason: "must use http or https")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalid(key: key, reason: "must name a host") }
        guard components.user == nil, components.password == nil else {
            throw .invalid(key: key, reason: "must not carry credentials; use 'tokenFile' or 'tokenEnvironment'")
        }
        guard components.query == nil, components.fragment == nil else {
            throw .invalid(key: key, reason: "must not have a query or a fragment")
        }
        return url
    }

    /// Exactly one of `tokenFile` (an absolute path) and `tokenEnvironment` (a variable name).
    private static func readTokenSource(_ section: ConfigurationReader) throws(ConfigurationError) -> TokenSource {
        switch (section.has("tokenFile"), section.has("tokenEnvironment")) {
        case (true, true):
            throw .invalid(key: section.path(of: "tokenEnvironment"), reason: "cannot be combined with 'tokenFile'; give one")
        case (false, false):
            throw .invalid(
                key: section.path(of: "tokenFile"),
                reason: "is required (or 'tokenEnvironment'): the section must say where the bearer token is")
        case (true, false):
            let path = try section.string("tokenFile", length: 2...4_096)
            guard path.hasPrefix("/") else { throw .invalid(key: section.path(of: "tokenFile"), reason: "must be an absolute path") }
            return .file(path)
        case (false, true):
            let name = try section.string("tokenEnvironment", length: 1...255)
            let isVariableName = name.unicodeScalars.enumerated().allSatisfy { index, scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || scalar == "_" || (index > 0 && ("0"..."9").contains(scalar)))
            }
            guard isVariableName else {
                throw .invalid(
                    key: section.path(of: "tokenEnvironment"),
                    reason: "must be an environment variable name (letters, digits and '_', not starting with a digit)")
            }
            return .environment(name)
        }
    }
}
