import Foundation

/// How names, phone numbers and ID numbers appear on screens, receipts and in logs: enough for
/// the owner to recognise them, too little for a passer-by to use them.
///
/// Names keep the family name (first word) and the given name whole and reduce middle names to
/// their first letter and `**`. Following DOMAIN §8 ("Nguyễn Thị Thu Hà" → "Nguyễn T** Thu Hà"),
/// a name of four or more words is read as family name, middle name(s) and a two-word given
/// name; a three-word name as family, middle and one-word given name; one- and two-word names
/// have no middle name and are shown whole.
public enum PersonalDataMasking {
    /// The marker that replaces hidden characters of a name.
    public static let nameMask = "**"

    /// `name` NFC-normalised with middle names masked, e.g. `Trần V** Lộc`, `Nguyễn T** Thu Hà`,
    /// `Bùi T** Ỵến`. Runs of white space become one space; an empty name stays empty.
    public static func maskedName(_ name: String) -> String {
        let words = name.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace)
        let givenWordCount = words.count >= 4 ? 2 : 1
        guard words.count >= 3 else { return words.joined(separator: " ") }
        var shown: [String] = [String(words[0])]
        for middle in words[1..<(words.count - givenWordCount)] {
            shown.append(String(middle.prefix(1)) + nameMask)
        }
        shown.append(contentsOf: words.suffix(givenWordCount).map(String.init))
        return shown.joined(separator: " ")
    }

    /// A Vietnamese phone number with all but its first 2 and last 2 digits hidden, e.g.
    /// `0912345668` → `09******68`. Accepts spaces, dots, hyphens and parentheses between digits,
    /// and the `+84`/`84` country prefix (shown as the national `0`, also when written `+84 0…`). `nil` unless the result is
    /// 10 digits (mobile) or 11 digits (landline) starting with `0`, or the input exceeds 32 bytes.
    public static func maskedPhoneNumber(_ phone: String) -> String? {
        guard phone.utf8.count <= 32 else { return nil }
        var digits = ""
        for (offset, character) in phone.trimmingASCIIWhitespace().enumerated() {
            switch character {
            case "+" where offset == 0: digits.append("+")
            case " ", ".", "-", "(", ")": continue
            case _ where character.isASCIIDigit: digits.append(character)
            default: return nil
            }
        }
        if digits.hasPrefix("+84") {
            let national = digits.dropFirst(3)
            // "+84 0912…" is a common way of writing it too; the trunk 0 is not doubled.
            digits = "0" + (national.hasPrefix("0") ? national.dropFirst() : national)
        } else if digits.hasPrefix("84"), digits.count == 11 {
            digits = "0" + digits.dropFirst(2)
        }
        guard digits.first == "0", (10...11).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else {
            return nil
        }
        return String(digits.prefix(2)) + String(repeating: "*", count: digits.count - 4) + String(digits.suffix(2))
    }

    /// A 12-digit CCCD or 9-digit CMND number with all but its last 4 digits hidden, e.g.
    /// `093188004821` → `********4821`; `nil` for any other text (surrounding spaces ignored).
    public static func maskedIDNumber(_ number: String) -> String? {
        guard number.utf8.count <= 32 else { return nil }
        let digits = number.trimmingASCIIWhitespace()
        guard digits.count == 9 || digits.count == 12, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return maskedIDNumber(lastFour: String(digits.suffix(4)), length: digits.count)
    }

    /// `length - 4` asterisks followed by `lastFour`, for a number only the last digits of
    /// which are known (`length` is clamped to at least the digits given).
    public static func maskedIDNumber(lastFour: String, length: Int) -> String {
        String(repeating: "*", count: max(0, length - lastFour.count)) + lastFour
    }
}
