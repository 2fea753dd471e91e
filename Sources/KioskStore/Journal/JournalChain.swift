import Crypto
import Foundation

/// The hash chain rule of the journal: `hash = SHA-256(previousHash ‖ fields)`, where every field
/// is written as its UTF-8 byte count (8 bytes, big-endian) followed by its bytes, so no two
/// different entries can serialise alike.
public enum JournalChain {
    /// The `previousHash` of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The hash an entry with these fields must carry, lower-case hex (64 characters).
    public static func hash(
        previousHash: String, seq: Int64, recordedAt: String, kind: String,
        subject: String, actor: String, payload: String
    ) -> String {
        var hasher = SHA256()
        for field in [previousHash, String(seq), recordedAt, kind, subject, actor, payload] {
            let bytes = Array(field.utf8)
            var length = UInt64(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        return hasher.finalize().map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// The hash `entry` should carry given its own fields and its recorded `previousHash`.
    public static func expectedHash(of entry: JournalEntry) -> String {
        hash(
            previousHash: entry.previousHash, seq: entry.seq, recordedAt: entry.recordedAt,
            kind: entry.kind, subject: entry.subject, actor: entry.actor, payload: entry.payload)
    }
}
