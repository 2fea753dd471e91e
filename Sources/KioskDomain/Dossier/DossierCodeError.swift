/// Why a text is not a dossier code. Stable cases; the edges turn them into sentences.
public enum DossierCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but white space.
    case empty
    /// Longer than `DossierCode.maximumInputLength` bytes before trimming.
    case tooLong(length: Int)
    /// A character that no dossier code contains (control, Vietnamese letter, punctuation…).
    case invalidCharacter(Character)
    /// Not three parts separated by `-`.
    case wrongShape
    /// The unit code is neither `ddd.dd.dd.Ldd` nor 3–20 characters of `[0-9A-Z.]`.
    case invalidUnitCode
    /// The date part is not a real calendar day written as YYMMDD or YYYYMMDD.
    case invalidDate
    /// The sequence is not 4–7 digits.
    case invalidSequence

    public var description: String {
        switch self {
        case .empty: "the code is empty"
        case .tooLong(let length): "the code is \(length) bytes long (at most \(DossierCode.maximumInputLength))"
        case .invalidCharacter(let character):
            "the code contains " + character.unicodeScalars.map(\.codePointLabel).joined(separator: " ")
        case .wrongShape: "the code is not UNIT-DATE-SEQUENCE"
        case .invalidUnitCode: "the unit code is malformed"
        case .invalidDate: "the reception date is not a real day"
        case .invalidSequence: "the sequence is not 4 to 7 digits"
        }
    }
}

extension Unicode.Scalar {
    /// `U+00E1`: the code point in upper-case hex, at least four digits.
    var codePointLabel: String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
