import Foundation
import Logging
import Synchronization
@testable import KioskApp

/// Log records kept in memory as the logfmt lines kioskd would write, for tests that check
/// what is (and is not) logged.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger writing into this log at `level` and above.
    func logger(level: Logger.Level = .info) -> Logger {
        Logger(label: "kioskd") { label in Handler(label: label, logLevel: level, log: self) }
    }

    /// Every line so far.
    var all: [String] { lines.withLock { $0 } }

    /// Lines containing `text`.
    func lines(containing text: String) -> [String] { all.filter { $0.contains(text) } }

    private struct Handler: LogHandler {
        let label: String
        var logLevel: Logger.Level
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]

        init(label: String, logLevel: Logger.Level, log: CapturedLog) {
            self.label = label
            self.logLevel = logLevel
            self.log = log
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let line = LogfmtLogHandler.format(
                date: Date(), level: event.level, label: label, message: event.message.description,
                metadata: metadata.merging(event.metadata ?? [:]) { _, new in new })
            log.lines.withLock { $0.append(line) }
        }
    }
}
