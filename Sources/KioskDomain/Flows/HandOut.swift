import Foundation

/// One result on its way out of the kiosk (`HandOut`), from manifest entry to the door closing on
/// an empty slot. A value-type state machine: change it only through `handle(_:)` (see
/// `HandOut+Loading.swift` and `HandOut+Pickup.swift`).
///
/// Carries the rules it was created under (`holdingPolicy`, `attemptPolicy`); they are kiosk
/// configuration, not recorded state, and are passed in again when a stored hand-out is restored.
public struct HandOut: Hashable, Sendable {
    /// Hand-out id.
    public let id: UUID
    /// The dossier whose result this is.
    public let dossierCode: DossierCode
    /// The result must be received at the counter; every pickup authentication is refused.
    public let inPersonOnly: Bool
    /// How long a loaded result waits before it is overdue.
    public let holdingPolicy: HoldingPolicy
    /// How many wrong codes lock this hand-out for staff.
    public let attemptPolicy: PickupAttemptPolicy

    /// Recorded state.
    public internal(set) var state: HandOutState
    /// The slot that holds or is about to hold the result; `nil` before loading and after it left.
    public internal(set) var slot: SlotID?
    /// Fee still due as last known, whole VND, ≥ 0 (refreshed at each successful authentication).
    public internal(set) var feeDue: Int
    /// Wrong pickup codes so far, ≥ 0 (reset only when staff unlock).
    public internal(set) var wrongAttempts: Int
    /// Locked after too many wrong codes: every further attempt is refused until staff unlock.
    public internal(set) var lockedForStaff: Bool
    /// When the door closed on the loaded result (ready since).
    public internal(set) var loadedAt: Date?
    /// End of the holding period (`loadedAt` + holding period).
    public internal(set) var holdUntil: Date?
    /// When the door closed on the empty slot after pickup.
    public internal(set) var handedOutAt: Date?
    /// Why the hand-out is (or last was) in `incident`.
    public internal(set) var incidentCause: IncidentCause?

    /// A hand-out for a manifest entry, waiting to be loaded (`CHO_NAP`).
    public init(
        id: UUID, dossier: Dossier,
        holdingPolicy: HoldingPolicy = .standard, attemptPolicy: PickupAttemptPolicy = .standard
    ) {
        self.init(
            restoring: id, dossierCode: dossier.code, inPersonOnly: dossier.inPersonOnly,
            holdingPolicy: holdingPolicy, attemptPolicy: attemptPolicy, state: .awaitingLoad,
            slot: nil, feeDue: dossier.feeDue, wrongAttempts: 0, lockedForStaff: false,
            loadedAt: nil, holdUntil: nil, handedOutAt: nil, incidentCause: nil)
    }

    /// A hand-out as last recorded (for the store and for tests). Negative counts and fees are
    /// raised to zero; the caller restores only what it once got from this machine.
    public init(
        restoring id: UUID, dossierCode: DossierCode, inPersonOnly: Bool,
        holdingPolicy: HoldingPolicy, attemptPolicy: PickupAttemptPolicy,
        state: HandOutState, slot: SlotID?, feeDue: Int, wrongAttempts: Int, lockedForStaff: Bool,
        loadedAt: Date?, holdUntil: Date?, handedOutAt: Date?, incidentCause: IncidentCause?
    ) {
        self.id = id
        self.dossierCode = dossierCode
        self.inPersonOnly = inPersonOnly
        self.holdingPolicy = holdingPolicy
        self.attemptPolicy = attemptPolicy
        self.state = state
        self.slot = slot
        self.feeDue = max(0, feeDue)
        self.wrongAttempts = max(0, wrongAttempts)
        self.lockedForStaff = lockedForStaff
        self.loadedAt = loadedAt
        self.holdUntil = holdUntil
        self.handedOutAt = handedOutAt
        self.incidentCause = incidentCause
    }

    /// Tries left before the lock, per `attemptPolicy` (0 once locked).
    public var triesRemaining: Int {
        lockedForStaff ? 0 : attemptPolicy.triesRemaining(afterWrongCodes: wrongAttempts)
    }

    /// Whether the result is physically in (or going into) a slot that staff must empty if the
    /// hand-out ends here.
    public var holdsSlot: Bool { slot != nil }
}
