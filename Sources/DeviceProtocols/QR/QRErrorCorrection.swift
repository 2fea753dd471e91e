/// QR error-correction level: the share of the symbol that may be damaged and still decode.
public enum QRErrorCorrection: Int, Sendable, CaseIterable {
    /// About 7 % recoverable.
    case low = 0
    /// About 15 % recoverable; the default for printed receipts.
    case medium = 1
    /// About 25 % recoverable.
    case quartile = 2
    /// About 30 % recoverable.
    case high = 3
}
