import KioskDomain
import KioskStore

/// Checks a staff id and PIN against the synced staff directory, with no backend call, so staff
/// can log in and load results while the backend is away. Lockout after wrong PINs belongs to the
/// login flow; this only answers whether the PIN matches an active person.
public struct StaffLoginVerifier: Sendable {
    /// The outcome of one check.
    public enum Outcome: Sendable, Equatable {
        /// The PIN matches an active staff member with these roles.
        case accepted(StaffIdentity)
        /// The id is known and active but the PIN does not match.
        case wrongPIN
        /// No active staff member has this id (unknown, deactivated by the directory, no role).
        case unknown
        /// The stored PIN hash is unreadable; a technician must look.
        case unreadable
    }

    let database: AppDatabase

    /// A verifier over the kiosk's store.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Checks `pin` for staff `id`. Costs one slow hash at the directory's iteration count.
    /// - Throws: store errors.
    public func check(id: String, pin: String) async throws -> Outcome {
        guard let login = try await database.staffIdentity(id: id) else { return .unknown }
        let hash: SecretHash
        do throws(SecretHashError) {
            hash = try SecretHash(encoded: login.pinHash)
        } catch {
            return .unreadable
        }
        return hash.verify(pin) ? .accepted(login.identity) : .wrongPIN
    }
}
