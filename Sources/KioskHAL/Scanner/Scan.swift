/// How a scan reached the kiosk; drivers report it so logs and the flow can tell wedge input
/// (ASCII only) from a serial line (full UTF-8).
public enum ScanSource: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// A USB CDC-ACM or USB-serial scanner sending lines.
    case serialLine
    /// A HID scanner typing as a keyboard (evdev); carries printable ASCII only.
    case keyboardWedge
    /// A HID point-of-sale scanner sending reports (usage page 0x8C).
    case hidPointOfSale
    /// A camera frame or an image file decoded in software.
    case image
}

/// One decoded code as read by a scanner, already checked for length, UTF-8 and control
/// characters; still to be parsed by exactly one domain parser per format.
public struct Scan: Sendable, Equatable, Hashable {
    /// The payload, at most the driver's configured length bound, without suffix or AIM prefix.
    public var text: String
    /// The AIM symbology identifier without its `]`, e.g. `Q1` for QR Code; `nil` when the
    /// scanner did not send one.
    public var symbology: String?
    /// How the scan arrived.
    public var source: ScanSource

    /// A scan.
    public init(text: String, symbology: String? = nil, source: ScanSource) {
        self.text = text
        self.symbology = symbology
        self.source = source
    }

    /// Whether the identifier names a QR Code (`]Q` followed by any modifier).
    public var isQRCode: Bool { symbology?.first == "Q" }
}

/// Something a scanner reported, in the order it happened.
public enum ScanEvent: Sendable, Equatable {
    /// A scan passed every check and the scanner was armed; the scanner is now disarmed.
    case scanned(Scan)
    /// Input arrived but was refused; the scanner stays armed.
    case rejected(ScanRejection)
    /// The scanner (re)appeared and answers.
    case connected
    /// The scanner went away (unplugged, port closed); it reconnects on its own when it returns.
    case disconnected

    /// The scan, for `.scanned`; `nil` otherwise.
    public var scan: Scan? {
        if case .scanned(let scan) = self { return scan }
        return nil
    }
}
