/// The contents of the QR code on the back of a citizen ID card (CCCD), read from
/// `<12-digit ID>|<old 9-digit CMND or empty>|<full name>|<ddMMyyyy birth>|<Nam/Nữ>|<address>|<ddMMyyyy issue>`.
///
/// The full ID numbers are never kept: only an HMAC-SHA256 under the kiosk's `IdentitySalt`
/// (64 lower-case hex digits) and the last 4 digits. Text is NFC-normalised and trimmed.
/// `description`, `debugDescription` and the `Mirror` show masked values only.
///
/// Decisions:
/// - the ID number's first three digits must be a province code 001–096 (the range the
///   numbering scheme reserves for provinces); the exact list is not checked, because the 2025
///   merger changed which codes are issued while older cards keep theirs;
/// - the 4th digit (century and gender) and the 5th–6th (birth year) are not cross-checked
///   against the birth date and gender: the QR is unsigned, so the check adds no security, and a
///   genuine card refused for a data quirk would send a citizen to the counter;
/// - the birth date lies between 01/01/1900 and `today`; the issue date between the birth date
///   and `today` (the caller passes today's date in Asia/Ho_Chi_Minh).
public struct CCCDQRCode: Equatable, Sendable {
    /// The gender printed on the card.
    public enum Gender: String, Sendable, Hashable, CaseIterable {
        /// `Nam`.
        case male = "Nam"
        /// `Nữ` (NFC).
        case female = "Nữ"
    }

    /// The longest scanned text examined, in UTF-8 bytes; longer input is refused unread.
    public static let maximumInputLength = 512

    /// HMAC-SHA256 of the 12-digit ID number under the kiosk salt, 64 lower-case hex digits.
    public let idNumberHash: String
    /// The last 4 digits of the ID number, e.g. `4821`.
    public let idNumberLastFour: String
    /// HMAC-SHA256 of the old 9-digit CMND number, or `nil` when the card shows none.
    public let oldIDNumberHash: String?
    /// The last 4 digits of the old CMND number, or `nil` when the card shows none.
    public let oldIDNumberLastFour: String?
    /// The holder's full name, NFC, single spaces, e.g. `Nguyễn Thị Thu Hà`.
    public let fullName: String
    /// The holder's birth date.
    public let birthDate: CalendarDay
    /// The holder's gender.
    public let gender: Gender
    /// The permanent address as printed, NFC, single spaces, never empty.
    public let address: String
    /// The day the card was issued, not before `birthDate`.
    public let issueDate: CalendarDay

    /// Parses a scanned text. Leading and trailing white space (a scanner's CR/LF) is ignored.
    /// - Parameters:
    ///   - text: the scanner's output, at most `maximumInputLength` bytes.
    ///   - salt: the kiosk's key for hashing the ID numbers.
    ///   - today: the current day in Asia/Ho_Chi_Minh, bounding birth and issue dates.
    /// - Throws: `CCCDQRError` naming the first rule the text breaks, checked in field order.
    public init(parsing text: String, salt: IdentitySalt, today: CalendarDay) throws(CCCDQRError) {
        let fields = try Self.fields(of: text)
        let idNumber = fields[0]
        guard idNumber.utf8.count == 12, idNumber.allSatisfy(\.isASCIIDigit) else { throw .invalidIDNumber }
        guard let province = Int(idNumber.prefix(3)), (1...96).contains(province) else {
            throw .unknownProvinceCode
        }
        let oldNumber = fields[1]
        guard oldNumber.isEmpty || (oldNumber.utf8.count == 9 && oldNumber.allSatisfy(\.isASCIIDigit)) else {
            throw .invalidOldIDNumber
        }
        let name = Self.collapsingSpaces(fields[2])
        guard !name.isEmpty else { throw .emptyName }
        guard name.unicodeScalars.allSatisfy(Self.isNameScalar) else { throw .invalidName }
        guard let birth = Self.day(fromDDMMYYYY: fields[3]), birth.year >= 1900, birth <= today else {
            throw .invalidBirthDate
        }
        guard let gender = Gender(rawValue: fields[4]) else { throw .invalidGender }
        let address = Self.collapsingSpaces(fields[5])
        guard !address.isEmpty else { throw .emptyAddress }
        guard let issue = Self.day(fromDDMMYYYY: fields[6]) else { throw .invalidIssueDate }
        guard issue >= birth else { throw .issueDateBeforeBirth }
        guard issue <= today else { throw .issueDateInFuture }

        idNumberHash = salt.hexDigest(of: idNumber)
        idNumberLastFour = String(idNumber.suffix(4))
        oldIDNumberHash = oldNumber.isEmpty ? nil : salt.hexDigest(of: oldNumber)
        oldIDNumberLastFour = oldNumber.isEmpty ? nil : String(oldNumber.suffix(4))
        fullName = name
        birthDate = birth
        self.gender = gender
        self.address = address
        issueDate = issue
    }

    /// Whether `candidate` (trimmed) is this card's ID number, compared by salted hash.
    public func hasIDNumber(_ candidate: String, salt: IdentitySalt) -> Bool {
        salt.matches(candidate.trimmingASCIIWhitespace(), hexDigest: idNumberHash)
    }

    /// The ID number as shown on screens and receipts: `********4821`.
    public var maskedIDNumber: String { PersonalDataMasking.maskedIDNumber(lastFour: idNumberLastFour, length: 12) }

    /// The old CMND number as shown on screens: `*****6789`, or `nil` when there is none.
    public var maskedOldIDNumber: String? {
        oldIDNumberLastFour.map { PersonalDataMasking.maskedIDNumber(lastFour: $0, length: 9) }
    }

    /// The name as shown on screens and receipts, e.g. `Nguyễn T** Thu Hà`.
    public var maskedName: String { PersonalDataMasking.maskedName(fullName) }
}

extension CCCDQRCode: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `CCCDQRCode(id: ********4821, name: Nguyễn T** Thu Hà)`: masked values only.
    public var description: String { "CCCDQRCode(id: \(maskedIDNumber), name: \(maskedName))" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Masked children only, so `dump`, debuggers and `String(reflecting:)` never see the hashes,
    /// the full name, the birth date or the address.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "idNumber": maskedIDNumber,
                "oldIDNumber": maskedOldIDNumber ?? "none",
                "fullName": maskedName,
            ],
            displayStyle: .struct)
    }
}
