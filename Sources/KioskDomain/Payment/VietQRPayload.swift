/// A VietQR (NAPAS 247) bank-transfer QR payload: EMVCo merchant-presented TLV fields
/// (2-digit id, 2-digit decimal length, value) in the order of DOMAIN §7, closed by a
/// CRC-16/CCITT-FALSE in tag `63`.
///
/// A dynamic payload (point of initiation `12`) carries the exact amount in tag `54`; a static
/// one (`11`) leaves the amount to the payer and has no tag `54`. A VietQR only pre-fills a
/// transfer: payment is known only when the backend confirms it.
///
/// Bounds chosen here:
/// - bank BIN: exactly 6 ASCII digits (the NAPAS acquirer id, e.g. `970405` Agribank);
/// - account: 1–19 characters of `[0-9A-Z]` — NAPAS account and card numbers are at most 19
///   characters, and some banks issue virtual accounts with upper-case letters;
/// - amount: 1…`maximumAmount` VND, integer (the currency has no minor unit).
public struct VietQRPayload: Hashable, Sendable, CustomStringConvertible {
    /// Whether the payload fixes the amount.
    public enum Form: String, Sendable, Hashable {
        /// Point of initiation `11`: reusable, no amount, the payer types it.
        case `static` = "11"
        /// Point of initiation `12`: for one payment, amount in tag `54`.
        case dynamic = "12"
    }

    /// The largest amount accepted, in VND: 999,999,999,999 (12 digits). Far above any fee of a
    /// one-stop office, so a larger value is a bug (e.g. an amount already multiplied by 100),
    /// and within the 13 characters EMVCo allows for tag `54`.
    public static let maximumAmount: Int64 = 999_999_999_999
    /// The longest payload accepted by the parser, in bytes (EMVCo's limit for a QR payload).
    public static let maximumPayloadLength = 512
    /// NAPAS's globally unique id of the VietQR scheme (tag `38`, sub-tag `00`).
    public static let napasGUID = "A000000727"
    /// The service code of a transfer to a bank account (tag `38`, sub-tag `02`).
    public static let accountTransferService = "QRIBFTTA"
    /// ISO 4217 numeric code of the Vietnamese đồng (tag `53`).
    public static let currencyCodeVND = "704"
    /// ISO 3166 country code (tag `58`).
    public static let countryCode = "VN"

    /// The beneficiary bank's BIN, 6 digits.
    public let bankBIN: String
    /// The beneficiary account, 1–19 characters of `[0-9A-Z]`.
    public let accountNumber: String
    /// The amount in VND (1…`maximumAmount`), or `nil` for a static payload.
    public let amount: Int64?
    /// The transfer note carrying the payment reference, or `nil` to leave tag `62` out.
    public let purpose: VietQRPurpose?

    /// A payload for the given fields; `amount == nil` makes it static.
    /// Leading and trailing ASCII white space around `bankBIN` and `accountNumber` is ignored.
    /// - Throws: `VietQRError.invalidBankBIN`, `.invalidAccountNumber`, `.amountNotPositive`,
    ///   `.amountTooLarge`.
    public init(bankBIN: String, accountNumber: String, amount: Int64?, purpose: VietQRPurpose?) throws(VietQRError) {
        let bin = bankBIN.trimmingASCIIWhitespace()
        guard Self.isValidBankBIN(bin) else { throw .invalidBankBIN }
        let account = accountNumber.trimmingASCIIWhitespace()
        guard Self.isValidAccountNumber(account) else { throw .invalidAccountNumber }
        if let amount {
            guard amount > 0 else { throw .amountNotPositive(amount) }
            guard amount <= Self.maximumAmount else { throw .amountTooLarge(amount) }
        }
        self.bankBIN = String(bin)
        self.accountNumber = String(account)
        self.amount = amount
        self.purpose = purpose
    }

    /// A dynamic payload whose note is reduced from free text (`VietQRPurpose.init(_:)`).
    /// - Throws: everything `init(bankBIN:accountNumber:amount:purpose:)` and
    ///   `VietQRPurpose.init(_:)` throw.
    public init(bankBIN: String, accountNumber: String, amount: Int64, purposeText: String) throws(VietQRError) {
        let purpose = try VietQRPurpose(purposeText)
        try self.init(bankBIN: bankBIN, accountNumber: accountNumber, amount: amount, purpose: purpose)
    }

    /// `.dynamic` when an amount is set, `.static` otherwise.
    public var form: Form { amount == nil ? .static : .dynamic }

    /// The payload text to put in the QR code, CRC included (ASCII, at most 160 bytes).
    public var encoded: String {
        var fields = Self.field("00", "01")
        fields += Self.field("01", form.rawValue)
        let account = Self.field("00", bankBIN) + Self.field("01", accountNumber)
        let merchant = Self.field("00", Self.napasGUID) + Self.field("01", account)
            + Self.field("02", Self.accountTransferService)
        fields += Self.field("38", merchant)
        fields += Self.field("53", Self.currencyCodeVND)
        if let amount {
            fields += Self.field("54", String(amount))
        }
        fields += Self.field("58", Self.countryCode)
        if let purpose {
            fields += Self.field("62", Self.field("08", purpose.text))
        }
        fields += "6304"
        return fields + CRC16CCITTFalse.hexDigits(CRC16CCITTFalse.checksum(of: fields))
    }

    /// The encoded payload (the office's bank account is public, so nothing is hidden).
    public var description: String { encoded }

    /// One TLV field; every value this type writes is ASCII and shorter than 100 bytes.
    static func field(_ id: String, _ value: String) -> String {
        let length = value.utf8.count
        return id + (length < 10 ? "0" : "") + String(length) + value
    }

    /// Exactly 6 ASCII digits.
    static func isValidBankBIN(_ text: Substring) -> Bool {
        text.utf8.count == 6 && text.allSatisfy(\.isASCIIDigit)
    }

    /// 1–19 ASCII digits or upper-case letters.
    static func isValidAccountNumber(_ text: Substring) -> Bool {
        (1...19).contains(text.utf8.count) && text.allSatisfy { $0.isASCIIDigit || $0.isASCIIUppercaseLetter }
    }
}
