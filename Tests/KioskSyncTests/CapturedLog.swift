import Foundation
import Logging
import NIOConcurrencyHelpers

/// Every log line (message and metadata) written through loggers it made, for checks on what
/// reaches logs.
final class CapturedLog: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    /// A logger at trace level that records here.
    func logger(label: String = "kiosk.sync.captured") -> Logger {
        var logger = Logger(label: label) { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Everything recorded so far.
    var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }

    fileprivate func append(_ line: String) {
        lines.withLockedValue { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append("\(event.level) \(event.message) \(merged)")
        }
    }
}
