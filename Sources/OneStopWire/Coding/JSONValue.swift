import Foundation

/// Any JSON value, for members whose content depends on another member (an event's `DuLieu`).
public enum JSONValue: Codable, Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (read as `Double`).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// Reads whatever JSON value is there.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Writes the value as it is.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The JSON value `value` encodes to with the contract's encoder.
    /// - Throws: `EncodingError`, or `DecodingError` if the encoding is not JSON (never in practice).
    public init(encoding value: some Encodable) throws {
        self = try OneStopJSON.decode(JSONValue.self, from: OneStopJSON.encode(value))
    }

    /// Decodes this value as a `T` with the contract's decoder.
    /// - Throws: `DecodingError` when the value does not have `T`'s shape.
    public func decode<T: Decodable>(as type: T.Type) throws -> T {
        try OneStopJSON.decode(type, from: OneStopJSON.encode(self))
    }

    /// The members when this is an object, otherwise `nil`.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }
}
