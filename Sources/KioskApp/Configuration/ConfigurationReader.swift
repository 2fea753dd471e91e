import Foundation

/// Reads typed values out of one JSON object of the configuration, remembering which keys were
/// read so that the rest can be reported as unknown. Key paths are dotted (`http.port`).
final class ConfigurationReader {
    /// Shapes a string value must have.
    enum Pattern {
        /// Letters, digits, `_` and `-`.
        case identifier
    }

    private let object: [String: Any]
    private let path: String
    private var readKeys: Set<String> = []

    init(_ value: Any, path: String) throws(ConfigurationError) {
        guard let object = value as? [String: Any] else {
            if path.isEmpty { throw .malformed("the top level is not a JSON object") }
            throw .invalid(key: path, reason: "must be an object")
        }
        self.object = object
        self.path = path
    }

    private func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A nested object; an absent optional section reads as empty (every key takes its default).
    func section(_ key: String, optional: Bool = false) throws(ConfigurationError) -> ConfigurationReader {
        readKeys.insert(key)
        guard let value = object[key] else {
            if optional { return try ConfigurationReader([String: Any](), path: keyPath(key)) }
            throw .missing(key: keyPath(key))
        }
        return try ConfigurationReader(value, path: keyPath(key))
    }

    /// An array of objects (`lockers.slots[0]`, `lockers.slots[1]`…), at most `limit` long.
    func objects(_ key: String, limit: Int = 1_000) throws(ConfigurationError) -> [ConfigurationReader] {
        readKeys.insert(key)
        guard let raw = object[key] else { throw .missing(key: keyPath(key)) }
        guard let items = raw as? [Any] else { throw .invalid(key: keyPath(key), reason: "must be a list") }
        guard items.count <= limit else { throw .invalid(key: keyPath(key), reason: "has more than \(limit) entries") }
        var readers: [ConfigurationReader] = []
        for (index, item) in items.enumerated() {
            readers.append(try ConfigurationReader(item, path: "\(keyPath(key))[\(index)]"))
        }
        return readers
    }

    /// A boolean with a default.
    func boolean(_ key: String, default fallback: Bool) throws(ConfigurationError) -> Bool {
        readKeys.insert(key)
        guard let raw = object[key] else { return fallback }
        guard let number = raw as? NSNumber, String(cString: number.objCType) == "c" else {
            throw .invalid(key: keyPath(key), reason: "must be true or false")
        }
        return number.boolValue
    }

    /// Whether `key` is present.
    func has(_ key: String) -> Bool { object[key] != nil }

    /// The dotted path of `key` in this object, for errors found after reading.
    func path(of key: String) -> String { keyPath(key) }

    /// A string, trimmed, with a length bound and an optional default, pattern or allowed set.
    func string(
        _ key: String, default fallback: String? = nil, pattern: Pattern? = nil,
        length: ClosedRange<Int> = 1...4096, oneOf allowed: [String]? = nil
    ) throws(ConfigurationError) -> String {
        readKeys.insert(key)
        guard let raw = object[key] else {
            if let fallback { return fallback }
            throw .missing(key: keyPath(key))
        }
        guard let text = raw as? String else { throw .invalid(key: keyPath(key), reason: "must be a string") }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard length.contains(value.count) else {
            throw .invalid(key: keyPath(key), reason: "must be \(length.lowerBound)–\(length.upperBound) characters long")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid(key: keyPath(key), reason: "must not contain control characters")
        }
        if pattern == .identifier,
            !value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") })
        {
            throw .invalid(key: keyPath(key), reason: "may contain only letters, digits, '_' and '-'")
        }
        if let allowed, !allowed.contains(value) {
            throw .invalid(key: keyPath(key), reason: "must be one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    /// A whole number within `range`, with an optional default.
    func integer(_ key: String, default fallback: Int? = nil, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        readKeys.insert(key)
        guard let raw = object[key] else {
            if let fallback { return fallback }
            throw .missing(key: keyPath(key))
        }
        guard let number = raw as? NSNumber, String(cString: number.objCType) != "c",
            let value = Int(exactly: number.doubleValue)
        else {
            throw .invalid(key: keyPath(key), reason: "must be a whole number")
        }
        guard range.contains(value) else {
            throw .invalid(key: keyPath(key), reason: "must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
        }
        return value
    }

    /// Fails on the first key (in sorted order) that nothing read.
    func refuseUnknownKeys() throws(ConfigurationError) {
        if let stray = object.keys.sorted().first(where: { !readKeys.contains($0) }) {
            throw .unknown(key: keyPath(stray))
        }
    }
}
