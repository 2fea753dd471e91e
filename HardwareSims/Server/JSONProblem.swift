import Foundation

/// One-line English descriptions of JSON decoding failures, for configuration files and
/// control-API bodies alike: where in the document it failed and why.
enum JSONProblem {
    /// Describes `error`; `whole` is used when the document itself is not JSON.
    static func describe(_ error: DecodingError, whole: String) -> String {
        switch error {
        case let .keyNotFound(key, context):
            return "missing key '\(path(context.codingPath + [key]))'"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type at '\(path(context.codingPath))'"
        case let .dataCorrupted(context):
            guard !context.codingPath.isEmpty else { return whole }
            return "invalid value at '\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return whole
        }
    }

    /// Decodes `Value` from `data`, turning a failure into a one-line description.
    /// - Throws: `JSONProblem.Failure` with that line.
    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data, whole: String) throws(Failure) -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw Failure(description: describe(error, whole: whole))
        } catch {
            throw Failure(description: whole)
        }
    }

    /// A decoding failure as its one-line description.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }
}
