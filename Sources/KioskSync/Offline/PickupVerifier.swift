import Foundation
import KioskDomain
import KioskStore

/// Checks a citizen's pickup code against the hash synced with the manifest, with no backend
/// call, so pickups keep working while the backend is away. The attempt limits and the
/// hand-out machine decide what a wrong code costs; this only answers whether it matches.
public struct PickupVerifier: Sendable {
    /// The outcome of one check.
    public enum Outcome: Sendable, Equatable {
        /// The code matches and the holding period has not ended.
        case accepted
        /// The code does not match.
        case wrongCode
        /// The code matches but the holding period ended at this time (staff recall, "quá hạn").
        case expired(Date)
        /// The backend withdrew the dossier: never open a door for it.
        case withdrawn
        /// No code was issued for this dossier yet (or it is not in the manifest).
        case noCode
        /// The stored hash is unreadable; staff must look at it.
        case unreadable
    }

    let database: AppDatabase

    /// A verifier over the kiosk's store.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Checks `code` for `dossier` at `date`. Costs one slow hash (about 0.1–0.3 s at the
    /// production iteration count); the comparison takes the same time wherever the codes differ.
    /// - Throws: store errors.
    public func check(_ code: PickupCode, for dossier: DossierCode, at date: Date) async throws -> Outcome {
        switch try await database.pickupCredential(for: dossier) {
        case .withdrawn: return .withdrawn
        case .none: return .noCode
        case .unreadable: return .unreadable
        case .code(let hash, let expiresAt):
            guard hash.verify(code.digits) else { return .wrongCode }
            if let expiresAt, date > expiresAt { return .expired(expiresAt) }
            return .accepted
        }
    }
}
