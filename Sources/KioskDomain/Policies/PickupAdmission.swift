import Foundation

/// The kiosk-wide answer to "may someone try a pickup code now?".
public enum PickupAdmission: Hashable, Sendable {
    /// A code may be tried.
    case allowed
    /// Too many wrong codes kiosk-wide; the next try is allowed at `until` (exclusive of earlier).
    case rateLimited(until: Date)
}
