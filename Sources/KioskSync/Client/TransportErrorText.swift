import Foundation
import NIOCore

/// Names, in a few English words, why a request got no HTTP answer: `connection refused by
/// 127.0.0.1:8090`, `connection reset by 10.0.0.5:443`, `no route to host 10.0.0.5:443`.
///
/// The socket errors arrive wrapped (a connection error holding one failure per address tried,
/// each holding an `IOError`); their own descriptions are long, call every failure a "reset" and
/// do not balance their parentheses. This finds the innermost `errno` and the address instead.
/// Errors that hold no `IOError` keep their description, cut to 200 characters.
enum TransportErrorText {
    /// The short text for `error`; `address` (`host:port`) is named when the error names none.
    static func describe(_ error: any Error, address fallback: String) -> String {
        var found = Findings()
        found.search(error, depth: 0)
        guard let code = found.errno else { return String(String(describing: error).prefix(200)) }
        let address = found.address ?? fallback
        switch code {
        case ECONNREFUSED: return "connection refused by \(address)"
        case ECONNRESET: return "connection reset by \(address)"
        case ETIMEDOUT: return "connection to \(address) timed out"
        case EHOSTUNREACH: return "no route to host \(address)"
        case ENETUNREACH: return "network unreachable for \(address)"
        default: return "socket error \(code) (\(String(cString: strerror(code)))) with \(address)"
        }
    }

    /// What a walk through the error's stored values found.
    private struct Findings {
        var errno: CInt?
        var host: String?
        var port: Int?

        var address: String? {
            guard let host else { return nil }
            return port.map { "\(host):\($0)" } ?? host
        }

        /// Looks through `value` and what it holds (a few levels deep) for the first `IOError`
        /// and for `host` and `port` fields beside it.
        mutating func search(_ value: Any, depth: Int) {
            guard errno == nil, depth < 6 else { return }
            if let error = value as? IOError {
                errno = error.errnoCode
                return
            }
            for child in Mirror(reflecting: value).children {
                switch child.label {
                case "host": if host == nil, let text = child.value as? String { host = text }
                case "port": if port == nil, let number = child.value as? Int { port = number }
                default: search(child.value, depth: depth + 1)
                }
                if errno != nil { return }
            }
        }
    }
}
