import Foundation

extension CCCDQRCode {
    /// The scanned text split into its 7 fields, each NFC and trimmed.
    /// - Throws: `.tooLong`, `.empty`, `.disallowedCharacter`, `.wrongFieldCount`.
    static func fields(of text: String) throws(CCCDQRError) -> [String] {
        let byteCount = text.utf8.count
        guard byteCount <= maximumInputLength else { throw .tooLong(byteCount: byteCount) }
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        if let scalar = trimmed.unicodeScalars.first(where: { !isAllowedScalar($0) }) {
            throw .disallowedCharacter(codePoint: scalar.value)
        }
        let normalised = String(trimmed).precomposedStringWithCanonicalMapping
        let fields = normalised.split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == 7 else { throw .wrongFieldCount(fields.count) }
        return fields.map { String($0.trimmingWhitespace()) }
    }

    /// `ddMMyyyy` as a real calendar day; `nil` for anything else.
    static func day(fromDDMMYYYY text: String) -> CalendarDay? {
        guard text.utf8.count == 8, text.allSatisfy(\.isASCIIDigit) else { return nil }
        let digits = text.compactMap(\.wholeNumberValue)
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        return CalendarDay(year: number(4..<8), month: number(2..<4), day: number(0..<2))
    }

    /// `text` with every run of white space turned into one space (ends already trimmed).
    static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Letters and combining marks of any script, the space, and the apostrophes and hyphen of
    /// ethnic-minority names (`H'Hen Niê`, `Y-Moan`).
    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "'", "\u{2019}", "-": return true
        default: break
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }

    /// Anything but control (C0, C1), format (bidi overrides, zero-width), line and paragraph
    /// separators, surrogates, private-use and unassigned code points.
    static func isAllowedScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            false
        default:
            true
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing Unicode white space (including no-break space).
    func trimmingWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }
}
