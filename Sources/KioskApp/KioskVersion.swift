/// The version of the kiosk software, printed by `kioskd --version` and reported in health.
public enum KioskVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
