/// A locker slot label as printed on the door, e.g. `A-01` or `B-07`:
/// one or two upper-case letters (the column or bank), a dash, two or three digits.
public struct SlotID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The normalised label.
    public let rawValue: String

    /// Parses `text` (trimmed, upper-cased); `nil` when it is not a slot label.
    public init?(_ text: String) {
        guard text.utf8.count <= 16 else { return nil }
        let normalised = text.trimmingASCIIWhitespace().asciiUppercased()
        let parts = normalised.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            (1...2).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIUppercaseLetter),
            (2...3).contains(parts[1].count), parts[1].allSatisfy(\.isASCIIDigit)
        else { return nil }
        rawValue = normalised
    }

    public var description: String { rawValue }

    public static func < (lhs: SlotID, rhs: SlotID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension SlotID: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let id = SlotID(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid slot label")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
