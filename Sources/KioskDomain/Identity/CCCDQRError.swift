/// Why a scanned text is not the QR code of a citizen ID card (CCCD). Stable cases; the edges
/// turn them into sentences.
///
/// No case carries any part of the scanned text except a code point, so an error may be logged
/// without leaking the ID number, name or address.
public enum CCCDQRError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but white space.
    case empty
    /// More than `CCCDQRCode.maximumInputLength` bytes (UTF-8), refused unread.
    case tooLong(byteCount: Int)
    /// A control, format (e.g. U+202E), separator, private-use or unassigned code point.
    case disallowedCharacter(codePoint: UInt32)
    /// Not the 7 `|`-separated fields of the card's QR code.
    case wrongFieldCount(Int)
    /// The ID number is not exactly 12 ASCII digits.
    case invalidIDNumber
    /// The ID number's first three digits are not a province code 001–096.
    case unknownProvinceCode
    /// The old CMND number is neither empty nor exactly 9 ASCII digits.
    case invalidOldIDNumber
    /// The name is empty after trimming.
    case emptyName
    /// The name holds something other than letters, combining marks, spaces, `'`, `’` or `-`.
    case invalidName
    /// The birth date is not a real `ddMMyyyy` day from 01011900 up to today.
    case invalidBirthDate
    /// The gender is neither `Nam` nor `Nữ` (after NFC normalisation).
    case invalidGender
    /// The address is empty after trimming.
    case emptyAddress
    /// The issue date is not a real `ddMMyyyy` day.
    case invalidIssueDate
    /// The card would have been issued before its holder was born.
    case issueDateBeforeBirth
    /// The card would have been issued after today.
    case issueDateInFuture

    /// An English sentence for logs and technicians; never contains scanned personal data.
    public var description: String {
        switch self {
        case .empty: "the scanned text is empty"
        case .tooLong(let byteCount):
            "the scanned text is \(byteCount) bytes long (at most \(CCCDQRCode.maximumInputLength))"
        case .disallowedCharacter(let codePoint): "the scanned text contains the code point \(codePoint)"
        case .wrongFieldCount(let count): "the scanned text has \(count) fields, not 7"
        case .invalidIDNumber: "the ID number is not 12 digits"
        case .unknownProvinceCode: "the ID number does not start with a province code 001-096"
        case .invalidOldIDNumber: "the old ID number is not 9 digits"
        case .emptyName: "the name is empty"
        case .invalidName: "the name contains characters other than letters"
        case .invalidBirthDate: "the birth date is not a real day"
        case .invalidGender: "the gender is neither Nam nor Nữ"
        case .emptyAddress: "the address is empty"
        case .invalidIssueDate: "the issue date is not a real day"
        case .issueDateBeforeBirth: "the issue date is before the birth date"
        case .issueDateInFuture: "the issue date is after today"
        }
    }
}
