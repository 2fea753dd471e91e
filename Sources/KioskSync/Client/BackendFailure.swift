/// Why a call to the one-stop backend produced no usable answer. Stable cases that never carry
/// the bearer token or a response body; safe to log and to show technicians.
public enum BackendFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// No HTTP answer: the connection was refused or reset, DNS or TLS failed; the detail names
    /// the cause and the address (`connection refused by 127.0.0.1:8090`).
    case transport(String)
    /// The call did not finish within its bound (citizen-facing calls are bounded tightly).
    case timedOut
    /// The backend answered with an HTTP error status; `detail` is a short, sanitised reason.
    case status(code: Int, detail: String)
    /// The answer was larger than the client accepts; it was not read to the end.
    case bodyTooLarge(limit: Int)
    /// The answer was not the JSON the contract describes (invalid UTF-8, wrong types, missing
    /// fields, inconsistent content).
    case malformed(String)

    /// Whether waiting and sending the same request again may succeed: transport problems,
    /// time-outs, 5xx, 408, 429 and malformed or oversized answers (a proxy or a bad deploy).
    /// Other 4xx answers will not change on their own.
    public var isTransient: Bool {
        switch self {
        case .transport, .timedOut, .bodyTooLarge, .malformed: true
        case .status(let code, _): code >= 500 || code == 408 || code == 429
        }
    }

    public var description: String {
        switch self {
        case .transport(let detail): "backend unreachable: \(detail)"
        case .timedOut: "backend did not answer in time"
        case .status(let code, let detail): "backend answered HTTP \(code)\(detail.isEmpty ? "" : ": \(detail)")"
        case .bodyTooLarge(let limit): "backend answer exceeds \(limit) bytes and was refused"
        case .malformed(let detail): "backend answer is malformed: \(detail)"
        }
    }
}
