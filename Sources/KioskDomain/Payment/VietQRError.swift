/// Why a VietQR payload cannot be built from the given fields, or why a text is not a payload
/// this kiosk would have built. Stable cases; the edges turn them into sentences.
///
/// Cases carry only lengths, tags and numbers, never the bank account, so an error may be logged.
public enum VietQRError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Building

    /// The bank BIN (NAPAS acquirer id) is not exactly 6 ASCII digits.
    case invalidBankBIN
    /// The account is not 1–19 characters of ASCII digits and upper-case letters.
    case invalidAccountNumber
    /// The amount is 0 or negative (VND, integer).
    case amountNotPositive(Int64)
    /// The amount exceeds `VietQRPayload.maximumAmount` VND.
    case amountTooLarge(Int64)
    /// The purpose text has no character left after reduction to `[A-Z0-9 .-]`.
    case purposeEmpty
    /// The reduced purpose text is longer than `VietQRPurpose.maximumLength` characters.
    case purposeTooLong(length: Int)

    // MARK: Parsing

    /// The payload is longer than `VietQRPayload.maximumPayloadLength` bytes.
    case payloadTooLong(length: Int)
    /// The payload contains a byte outside printable ASCII (0x20–0x7E).
    case invalidPayloadCharacter(offset: Int)
    /// A field header (2-digit id, 2-digit length) or its value runs past the end of the text.
    case truncatedField(offset: Int)
    /// A field's id or length is not two ASCII digits.
    case malformedFieldHeader(offset: Int)
    /// A field appeared where the grammar expects another; `nil` on either side means the end
    /// of the payload (or of the enclosing template).
    case unexpectedField(expected: String?, found: String?)
    /// A field has the right id but a value the grammar does not allow (`path` like `38.01.00`).
    case invalidFieldValue(path: String)
    /// The CRC in tag `63` is not 4 upper-case hex digits.
    case malformedChecksum
    /// The CRC in tag `63` differs from the CRC of the payload (both as 4 hex digits).
    case checksumMismatch(expected: String, found: String)

    /// An English sentence for logs and technicians.
    public var description: String {
        switch self {
        case .invalidBankBIN: "the bank BIN is not 6 digits"
        case .invalidAccountNumber: "the account is not 1 to 19 digits or upper-case letters"
        case .amountNotPositive(let amount): "the amount \(amount) VND is not positive"
        case .amountTooLarge(let amount):
            "the amount \(amount) VND exceeds \(VietQRPayload.maximumAmount) VND"
        case .purposeEmpty: "the purpose text is empty after reduction to [A-Z0-9 .-]"
        case .purposeTooLong(let length):
            "the purpose text is \(length) characters long (at most \(VietQRPurpose.maximumLength))"
        case .payloadTooLong(let length):
            "the payload is \(length) bytes long (at most \(VietQRPayload.maximumPayloadLength))"
        case .invalidPayloadCharacter(let offset): "the payload has a non-printable byte at offset \(offset)"
        case .truncatedField(let offset): "the field at offset \(offset) runs past the end"
        case .malformedFieldHeader(let offset): "the field at offset \(offset) has no 2-digit id and length"
        case .unexpectedField(let expected, let found):
            "expected \(expected.map { "field \($0)" } ?? "the end"), found \(found.map { "field \($0)" } ?? "the end")"
        case .invalidFieldValue(let path): "field \(path) has a value the grammar does not allow"
        case .malformedChecksum: "the checksum is not 4 upper-case hex digits"
        case .checksumMismatch(let expected, let found): "the checksum is \(found), the payload's is \(expected)"
        }
    }
}
