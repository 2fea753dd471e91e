import Foundation

/// The shared JSON configuration of the contract: dates as `OneStopDateFormat`, keys sorted
/// (stable bodies for logs and golden tests), slashes unescaped. Both the kiosk's client and
/// the backend use these and nothing else.
public enum OneStopJSON {
    /// The media type of every successful body.
    public static let mediaType = "application/json"
    /// The media type of error bodies (RFC 9457).
    public static let problemMediaType = "application/problem+json"

    /// A new encoder with the contract's settings.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(OneStopDateFormat.string(from: date))
        }
        return encoder
    }

    /// A new decoder with the contract's settings; a date not in `OneStopDateFormat` is a
    /// `DecodingError.dataCorrupted` naming the offending text.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = OneStopDateFormat.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not an RFC 3339 date-time with offset")
            }
            return date
        }
        return decoder
    }

    /// Encodes `value` with `makeEncoder()`.
    /// - Throws: `EncodingError` (only for values that cannot be JSON, e.g. a non-finite number).
    public static func encode(_ value: some Encodable) throws -> Data {
        try makeEncoder().encode(value)
    }

    /// Decodes a `T` with `makeDecoder()`.
    /// - Throws: `DecodingError` for malformed JSON, wrong types, missing members or bad values.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try makeDecoder().decode(type, from: data)
    }
}
