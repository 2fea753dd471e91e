import Foundation
import KioskDomain
import Logging

/// Writes each log record as one logfmt line (`ts=… level=… logger=… msg="…" slot.id=B-07`) to a
/// file descriptor, in a single `write` so lines from concurrent tasks never interleave.
/// journald and `grep` both read it; values with spaces or quotes are quoted and escaped.
public struct LogfmtLogHandler: LogHandler {
    /// Metadata attached to every record of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Records below this level are dropped.
    public var logLevel: Logger.Level
    private let label: String
    private let fileDescriptor: Int32

    /// A handler writing to `fileDescriptor` (standard error by default).
    public init(label: String, level: Logger.Level = .info, fileDescriptor: Int32 = 2) {
        self.label = label
        self.logLevel = level
        self.fileDescriptor = fileDescriptor
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let line = Self.format(
            date: Date(), level: event.level, label: label, message: event.message.description,
            metadata: metadata.merging(event.metadata ?? [:]) { _, new in new })
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fileDescriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// The line for one record, without the newline.
    static func format(
        date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        var fields = ["ts=\(KioskTime.iso8601(date))", "level=\(level.rawValue)", "logger=\(quoted(label))",
                      "msg=\(quoted(message))"]
        for key in metadata.keys.sorted() {
            if let value = metadata[key] { fields.append("\(key)=\(quoted(value.description))") }
        }
        return fields.joined(separator: " ")
    }

    /// The value as is when it is a bare word; otherwise in double quotes with `"`, `\` and
    /// control characters escaped.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains {
            $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" || $0.properties.generalCategory == .control
        }
        guard needsQuotes else { return value }
        var escaped = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    escaped += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }
}
