/// A dossier code (`MaHoSo`), trimmed and upper-cased, accepted in the strict national form
/// `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` or the lenient forms real systems emit
/// (`G09.20-20260609-0092637`: 3–20 character unit code, 6- or 8-digit date, 4–7 digit sequence).
///
/// Two codes are equal only when their normalised text is identical.
public struct DossierCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Which grammar the code matched.
    public enum Form: String, Sendable {
        /// Circular 01/2018/TT-VPCP art. 19 exactly.
        case strict
        /// A deviation seen in real one-stop systems.
        case lenient
    }

    /// The longest input (before trimming) that is examined at all; longer text is refused unread.
    public static let maximumInputLength = 64

    /// The normalised code, e.g. `000.28.21.H28-251107-0012`.
    public let rawValue: String
    /// The grammar this code matched.
    public let form: Form
    /// The receiving unit's electronic identification code, e.g. `000.28.21.H28`.
    public let unitCode: Substring
    /// The reception date written in the code (year with century).
    public let receptionDate: CalendarDay
    /// The daily sequence as written, 4–7 digits.
    public let sequence: Substring

    /// Parses `text`, trimming white space and upper-casing ASCII letters.
    /// - Throws: `DossierCodeError` naming the first rule the text breaks.
    public init(validating text: String) throws(DossierCodeError) {
        guard text.utf8.count <= Self.maximumInputLength else {
            throw .tooLong(length: text.utf8.count)
        }
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        var normalised = ""
        normalised.reserveCapacity(trimmed.utf8.count)
        for character in trimmed {
            guard character.isASCII, let ascii = character.asciiValue else {
                throw .invalidCharacter(character)
            }
            switch ascii {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                normalised.append(character)
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                normalised.append(Character(Unicode.Scalar(ascii - 32)))
            default:
                throw .invalidCharacter(character)
            }
        }
        let parts = normalised.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .wrongShape }
        let (unit, date, sequence) = (parts[0], parts[1], parts[2])

        let unitIsStrict = Self.isStrictUnitCode(unit)
        guard unitIsStrict || Self.isLenientUnitCode(unit) else { throw .invalidUnitCode }
        guard let day = CalendarDay(compactDigits: date) else { throw .invalidDate }
        guard (4...7).contains(sequence.count), sequence.allSatisfy(\.isASCIIDigit) else {
            throw .invalidSequence
        }
        self.rawValue = normalised
        self.unitCode = unit
        self.receptionDate = day
        self.sequence = sequence
        self.form = unitIsStrict && date.count == 6 && sequence.count == 4 ? .strict : .lenient
    }

    public var description: String { rawValue }

    public static func < (lhs: DossierCode, rhs: DossierCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public static func == (lhs: DossierCode, rhs: DossierCode) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// `ddd.dd.dd.Ldd`: three digit groups and a bloc letter with two digits.
    static func isStrictUnitCode(_ unit: Substring) -> Bool {
        let groups = unit.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count == 4 else { return false }
        let digitCounts = [3, 2, 2]
        for (group, count) in zip(groups, digitCounts)
        where group.count != count || !group.allSatisfy(\.isASCIIDigit) {
            return false
        }
        let bloc = groups[3]
        guard bloc.count == 3, let letter = bloc.first, letter.isASCIIUppercaseLetter else { return false }
        return bloc.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    /// 3–20 characters of digits, upper-case letters and dots, with no empty dot group.
    static func isLenientUnitCode(_ unit: Substring) -> Bool {
        guard (3...20).contains(unit.count) else { return false }
        guard unit.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty }) else {
            return false
        }
        return unit.allSatisfy { $0.isASCIIDigit || $0.isASCIIUppercaseLetter || $0 == "." }
    }
}

extension DossierCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid dossier code: \(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
