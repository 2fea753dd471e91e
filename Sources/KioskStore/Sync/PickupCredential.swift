import Foundation
import GRDB
import KioskDomain

/// What the kiosk holds offline to check a citizen's pickup code for one dossier.
public enum PickupCredential: Sendable, Equatable {
    /// The manifest carries a code hash; `expiresAt` is the end of the holding period, if known.
    case code(SecretHash, expiresAt: Date?)
    /// The backend withdrew the dossier: never hand it out.
    case withdrawn
    /// The dossier is not in the manifest, or no code was issued yet.
    case none
    /// The stored hash is unreadable (the page that brought it passed the parser, so this means
    /// the file was altered); treat as no code and tell staff.
    case unreadable(SecretHashError)
}

extension AppDatabase {
    /// The offline pickup credential for `code`, from the synced manifest. Reads only.
    public func pickupCredential(for code: DossierCode) async throws -> PickupCredential {
        try await writer.read { db in
            let withdrawn = try Bool.fetchOne(
                db, sql: "SELECT withdrawn FROM manifest_dossier WHERE code = ?", arguments: [code.rawValue])
            if withdrawn == true { return .withdrawn }
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT codeHash, expiresAt FROM pickup_code WHERE dossierCode = ?",
                    arguments: [code.rawValue])
            else { return .none }
            let text: String = row["codeHash"]
            let expiresAt: Date? = row["expiresAt"]
            do throws(SecretHashError) {
                return .code(try SecretHash(encoded: text), expiresAt: expiresAt)
            } catch {
                return .unreadable(error)
            }
        }
    }
}
