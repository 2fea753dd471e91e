/// An administrative procedure code (`MaTTHC`): the national `d.dddddd` (e.g. `1.001612`),
/// optionally followed by an agency suffix, either the full `.ddd.dd.dd.Ldd`
/// (`1.001612.000.00.00.H56`) or the short `.Ldd` (`2.002621.H56`).
public struct ProcedureCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The normalised code.
    public let rawValue: String

    /// Parses `text` (trimmed, upper-cased); `nil` when it is not a procedure code.
    public init?(_ text: String) {
        guard text.utf8.count <= 64 else { return nil }
        let normalised = text.trimmingASCIIWhitespace().asciiUppercased()
        let groups = normalised.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count == 2 || groups.count == 3 || groups.count == 6 else { return nil }
        guard groups[0].count == 1, let lead = groups[0].first, lead.isASCIIDigit, lead != "0",
            groups[1].count == 6, groups[1].allSatisfy(\.isASCIIDigit)
        else { return nil }
        switch groups.count {
        case 3:
            guard Self.isBlocCode(groups[2]) else { return nil }
        case 6:
            let digitCounts = [3, 2, 2]
            for (group, count) in zip(groups[2...4], digitCounts)
            where group.count != count || !group.allSatisfy(\.isASCIIDigit) {
                return nil
            }
            guard Self.isBlocCode(groups[5]) else { return nil }
        default:
            break
        }
        rawValue = normalised
    }

    /// The national part, `d.dddddd`, shared by every agency's instance of the procedure.
    public var nationalCode: String { String(rawValue.prefix(8)) }

    public var description: String { rawValue }

    public static func < (lhs: ProcedureCode, rhs: ProcedureCode) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isBlocCode(_ group: Substring) -> Bool {
        guard group.count == 3, let letter = group.first, letter.isASCIIUppercaseLetter else { return false }
        return group.dropFirst().allSatisfy(\.isASCIIDigit)
    }
}

extension ProcedureCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = ProcedureCode(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid procedure code")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
