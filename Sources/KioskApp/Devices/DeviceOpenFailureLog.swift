import Logging
import Synchronization

/// Logs why a device cannot be opened without repeating itself: the drivers retry every few
/// seconds, so a failure is logged when it first happens or its reason changes, and the
/// recovery once the device opens again.
final class DeviceOpenFailureLog: Sendable {
    private let lastFailure = Mutex<String?>(nil)
    private let logger: Logger
    private let what: String

    /// A log for `what` (`printer`, `scanner`) on `logger`.
    init(what: String, logger: Logger) {
        self.what = what
        self.logger = logger
    }

    /// Wraps `opener` so its failures and the first success after them are logged.
    func watching(_ opener: @escaping StreamOpener) -> StreamOpener {
        { [self] in
            do {
                let stream = try await opener()
                let hadFailed = lastFailure.withLock { last in
                    defer { last = nil }
                    return last != nil
                }
                if hadFailed {
                    logger.notice("\(what) opened again")
                }
                return stream
            } catch {
                let reason = "\(error)"
                let isNew = lastFailure.withLock { last in
                    defer { last = reason }
                    return last != reason
                }
                if isNew { logger.warning("\(what) cannot be opened; retrying", metadata: ["error": "\(reason)"]) }
                throw error
            }
        }
    }
}
