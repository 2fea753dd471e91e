import Foundation

/// The transfer note of a VietQR payment (tag `62`, sub-tag `08`): 1–25 characters of
/// `[A-Z0-9 .-]`, no leading, trailing or doubled spaces. It carries the payment reference the
/// backend matches the incoming transfer against, so it is never silently shortened unless the
/// caller asks for it with `init(truncating:)`.
///
/// Free text is reduced the way a bank app would show it: Vietnamese diacritics are stripped to
/// their base letter ("Lệ phí" → "LE PHI", "đ"/"Đ" → "D"), ASCII letters are upper-cased, any
/// white space becomes one space, and every other character is dropped.
public struct VietQRPurpose: Hashable, Sendable, CustomStringConvertible {
    /// The longest note, in characters (= bytes, the alphabet is ASCII).
    public static let maximumLength = 25

    /// The reduced note, e.g. `LEPHI 251110 0007 KVT01`.
    public let text: String

    /// Reduces `raw` and keeps all of it.
    /// - Throws: `VietQRError.purposeEmpty` when nothing survives the reduction,
    ///   `.purposeTooLong` when more than `maximumLength` characters survive.
    public init(_ raw: String) throws(VietQRError) {
        let reduced = Self.reduce(raw)
        guard !reduced.isEmpty else { throw .purposeEmpty }
        guard reduced.utf8.count <= Self.maximumLength else {
            throw .purposeTooLong(length: reduced.utf8.count)
        }
        text = reduced
    }

    /// Reduces `raw` and keeps its first `maximumLength` characters (a space left at the cut is
    /// dropped). For display notes whose tail may be lost; never for the payment reference.
    /// - Throws: `VietQRError.purposeEmpty` when nothing survives the reduction.
    public init(truncating raw: String) throws(VietQRError) {
        let reduced = Self.reduce(raw)
        guard !reduced.isEmpty else { throw .purposeEmpty }
        text = String(reduced.prefix(Self.maximumLength).trimmingASCIIWhitespace())
    }

    /// Accepts `text` read from a payload only if it is already in reduced form.
    init?(reducedText: Substring) {
        guard (1...Self.maximumLength).contains(reducedText.utf8.count),
            Self.reduce(String(reducedText)) == reducedText
        else { return nil }
        text = String(reducedText)
    }

    /// The reduced note itself.
    public var description: String { text }

    /// `raw` reduced to `[A-Z0-9 .-]` with single spaces and no space at either end, any length.
    public static func reduce(_ raw: String) -> String {
        var reduced = ""
        var spacePending = false
        for scalar in raw.decomposedStringWithCanonicalMapping.unicodeScalars {
            guard let kept = keptCharacter(for: scalar) else {
                if scalar.properties.isWhitespace { spacePending = true }
                continue
            }
            if spacePending, !reduced.isEmpty { reduced.append(" ") }
            spacePending = false
            reduced.unicodeScalars.append(kept)
        }
        return reduced
    }

    /// The ASCII scalar a decomposed scalar becomes, or `nil` when it is dropped (combining
    /// marks, punctuation other than `.` and `-`, letters of other scripts) or is white space.
    private static func keptCharacter(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x41...0x5A, 0x30...0x39, 0x2E, 0x2D:  // A–Z, 0–9, '.', '-'
            scalar
        case 0x61...0x7A:  // a–z
            Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value) - 0x20)
        case 0x0110, 0x0111:  // Đ, đ: a letter of its own, not D with a mark, so NFD keeps it
            "D"
        default:
            nil
        }
    }
}
