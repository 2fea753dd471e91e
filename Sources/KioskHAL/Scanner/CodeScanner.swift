/// What a code scanner can do; fixed for its lifetime.
public struct ScannerCapabilities: Sendable, Equatable {
    /// Payloads arrive as UTF-8 (a serial or HID POS scanner); `false` for a keyboard wedge,
    /// which carries printable ASCII only, so Vietnamese names cannot be read from it.
    public var deliversUTF8: Bool
    /// The device decodes images in software (a camera) rather than in the scanner.
    public var decodesImages: Bool
    /// The scanner reports AIM symbology identifiers (`]Q1`).
    public var reportsSymbology: Bool
    /// The longest payload delivered, in bytes; longer input becomes `.rejected(.tooLong)`.
    public var maximumPayloadLength: Int

    /// Capabilities.
    public init(deliversUTF8: Bool, decodesImages: Bool, reportsSymbology: Bool, maximumPayloadLength: Int) {
        self.deliversUTF8 = deliversUTF8
        self.decodesImages = decodesImages
        self.reportsSymbology = reportsSymbology
        self.maximumPayloadLength = maximumPayloadLength
    }
}

/// The last known state of a scanner.
public struct ScannerStatus: Sendable, Equatable {
    /// Whether the next scan will be delivered.
    public enum Arming: String, Sendable, Equatable {
        /// The next accepted scan is delivered, then the scanner disarms itself.
        case armed
        /// Scans are dropped until `arm()`.
        case disarmed
        /// Not known yet.
        case unknown
    }

    /// The device state (`.powerOff` when unplugged, `.noDevice` when never found).
    public var device: DeviceStatus
    /// The arming state.
    public var arming: Arming

    /// A status snapshot.
    public init(device: DeviceStatus, arming: Arming) {
        self.device = device
        self.arming = arming
    }

    /// Nothing known yet.
    public static let unknown = ScannerStatus(device: .unknown, arming: .unknown)
}

/// A QR and barcode scanner, whatever its wiring (serial line, keyboard wedge, HID POS, camera).
/// It is disarmed after every delivered scan until the flow arms it again, drops identical
/// payloads within its debounce window, and refuses hostile input with `.rejected`. Every method
/// is bounded and honours cancellation.
public protocol CodeScanner: Sendable {
    /// What the scanner can do.
    var capabilities: ScannerCapabilities { get }

    /// Scans, rejections and connection changes in order. One stream per scanner, for one
    /// consumer; it finishes when the scanner is shut down.
    var events: AsyncStream<ScanEvent> { get }

    /// The last known status; never waits on the device.
    func status() async -> ScannerStatus

    /// Lets the next accepted scan through (and turns the illumination on where the scanner
    /// supports a host trigger), within the driver's command timeout. Arming twice is harmless.
    /// - Throws: `HALError` `.disconnected` when the scanner is gone, `.timedOut` when a trigger
    ///   command is not acknowledged; cancellation.
    func arm() async throws

    /// Drops scans until the next `arm()`, within the driver's command timeout. Disarming twice
    /// is harmless; the local gate closes even when the command to the device fails.
    /// - Throws: `HALError` `.disconnected`, `.timedOut`; cancellation.
    func disarm() async throws
}
