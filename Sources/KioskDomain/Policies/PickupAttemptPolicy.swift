import Foundation

/// Limits on guessing pickup codes: per dossier (default 5 wrong codes, then the hand-out is
/// locked for staff) and kiosk-wide (default at most 20 wrong codes in any sliding 60 s window,
/// across all dossiers). Pure: the times of earlier wrong codes are passed in.
public struct PickupAttemptPolicy: Hashable, Sendable {
    /// 5 per dossier; 20 kiosk-wide per 60 s.
    public static let standard = PickupAttemptPolicy(
        checkedPerDossier: 5, checkedPerWindow: 20, checkedWindow: 60)

    /// Wrong codes one hand-out tolerates; the last of them locks it for staff (≥ 1).
    public let wrongCodesPerDossier: Int
    /// Wrong codes the whole kiosk tolerates within one window (≥ 1).
    public let wrongCodesPerWindow: Int
    /// Length of the kiosk-wide sliding window, seconds (> 0).
    public let window: TimeInterval

    /// A validated policy.
    /// - Throws: `PolicyConfigurationError.limitBelowOne` for a limit under 1,
    ///   `.windowNotPositive` for a window that is not a finite positive number of seconds.
    public init(
        wrongCodesPerDossier: Int = 5, wrongCodesPerWindow: Int = 20, window: TimeInterval = 60
    ) throws(PolicyConfigurationError) {
        guard wrongCodesPerDossier >= 1 else { throw .limitBelowOne(wrongCodesPerDossier) }
        guard wrongCodesPerWindow >= 1 else { throw .limitBelowOne(wrongCodesPerWindow) }
        guard window.isFinite, window > 0 else { throw .windowNotPositive(window) }
        self.init(
            checkedPerDossier: wrongCodesPerDossier, checkedPerWindow: wrongCodesPerWindow,
            checkedWindow: window)
    }

    private init(checkedPerDossier: Int, checkedPerWindow: Int, checkedWindow: TimeInterval) {
        wrongCodesPerDossier = checkedPerDossier
        wrongCodesPerWindow = checkedPerWindow
        window = checkedWindow
    }

    /// Tries left on one dossier after `wrongCodes` wrong codes: limit − count, never below 0.
    public func triesRemaining(afterWrongCodes wrongCodes: Int) -> Int {
        max(0, wrongCodesPerDossier - max(0, wrongCodes))
    }

    /// Whether `wrongCodes` wrong codes lock the dossier for staff (count ≥ limit).
    public func locksForStaff(afterWrongCodes wrongCodes: Int) -> Bool {
        wrongCodes >= wrongCodesPerDossier
    }

    /// Whether a code may be tried at `now`, given the times of earlier wrong codes anywhere on
    /// the kiosk (any order; times at or before `now − window` no longer count, later ones do).
    /// When limited, `until` is the first moment the count in the window drops below the limit.
    public func admission(at now: Date, recentWrongCodes: [Date]) -> PickupAdmission {
        let windowStart = now.addingTimeInterval(-window)
        let inWindow = recentWrongCodes.filter { $0 > windowStart }.sorted()
        guard inWindow.count >= wrongCodesPerWindow else { return .allowed }
        let mustExpire = inWindow.count - wrongCodesPerWindow
        return .rateLimited(until: inWindow[mustExpire].addingTimeInterval(window))
    }
}
