import Foundation

extension SecretHash {
    /// Reads `pbkdf2-sha256$<iterations>$<salt base64>$<digest base64>` strictly: exactly four
    /// parts, the scheme spelled exactly, iterations in plain decimal within the bounds, and
    /// canonical standard base64 (with padding) of exactly 16 and 32 bytes.
    /// - Throws: `SecretHashError.encodingTooLong`, `.wrongPartCount`, `.unknownScheme`,
    ///   `.malformedIterations`, `.iterationsTooLow`, `.iterationsTooHigh`, `.malformedSalt`,
    ///   `.wrongSaltLength`, `.malformedDigest`, `.wrongDigestLength`, in that order of checking.
    public init(encoded text: String) throws(SecretHashError) {
        guard text.utf8.count <= Self.maximumEncodedLength else {
            throw .encodingTooLong(length: text.utf8.count)
        }
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4 else { throw .wrongPartCount(parts.count) }
        guard parts[0] == Self.scheme else { throw .unknownScheme }
        let iterations = try Self.iterationCount(parts[1])
        try Self.checkIterations(iterations)
        guard let salt = Self.canonicalBase64(parts[2]) else { throw .malformedSalt }
        guard salt.count == Self.saltByteCount else { throw .wrongSaltLength(salt.count) }
        guard let digest = Self.canonicalBase64(parts[3]) else { throw .malformedDigest }
        guard digest.count == Self.digestByteCount else { throw .wrongDigestLength(digest.count) }
        self.init(iterations: iterations, salt: salt, digest: digest)
    }

    /// 1–8 ASCII digits, no leading zero.
    private static func iterationCount(_ text: Substring) throws(SecretHashError) -> Int {
        guard (1...8).contains(text.utf8.count), text.allSatisfy(\.isASCIIDigit), text.first != "0",
            let value = Int(text)
        else { throw .malformedIterations }
        return value
    }

    /// The bytes of `text` if it is standard base64 with padding and is exactly what encoding
    /// those bytes produces (no white space, no non-zero padding bits, no missing `=`).
    private static func canonicalBase64(_ text: Substring) -> [UInt8]? {
        guard !text.isEmpty, let data = Data(base64Encoded: String(text)),
            data.base64EncodedString() == text
        else { return nil }
        return Array(data)
    }
}
