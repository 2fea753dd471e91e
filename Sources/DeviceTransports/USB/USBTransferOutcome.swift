/// What one synchronous libusb transfer returned: its status code and how many bytes moved.
/// libusb reports `actual_length` on every status, including `LIBUSB_ERROR_TIMEOUT`.
public struct USBTransferOutcome: Hashable, Sendable {
    /// The libusb return code (0 or a negative `LIBUSB_ERROR_*`).
    public let code: Int32
    /// Bytes transferred (`actual_length`), even on failure.
    public let transferred: Int

    /// An outcome.
    public init(code: Int32, transferred: Int) {
        self.code = code
        self.transferred = max(0, transferred)
    }

    /// A transfer that completed with `transferred` bytes.
    public static func completed(_ transferred: Int) -> USBTransferOutcome { USBTransferOutcome(code: 0, transferred: transferred) }
    /// A transfer that hit its timeout after `transferred` bytes.
    public static func timedOut(after transferred: Int) -> USBTransferOutcome {
        USBTransferOutcome(code: LibUSBError.timeout, transferred: transferred)
    }
    /// A transfer the endpoint refused with a STALL after `transferred` bytes.
    public static func stalled(after transferred: Int) -> USBTransferOutcome {
        USBTransferOutcome(code: LibUSBError.pipe, transferred: transferred)
    }
    /// The device is gone.
    public static let noDevice = USBTransferOutcome(code: LibUSBError.noDevice, transferred: 0)
}

/// libusb-1.0 error codes (`enum libusb_error`) and their names, as plain values so the
/// transfer policies stay free of the C library.
public enum LibUSBError {
    /// `LIBUSB_SUCCESS`.
    public static let success: Int32 = 0
    /// `LIBUSB_ERROR_IO`.
    public static let io: Int32 = -1
    /// `LIBUSB_ERROR_INVALID_PARAM`.
    public static let invalidParam: Int32 = -2
    /// `LIBUSB_ERROR_ACCESS`: udev permissions.
    public static let access: Int32 = -3
    /// `LIBUSB_ERROR_NO_DEVICE`: unplugged; the handle is dead.
    public static let noDevice: Int32 = -4
    /// `LIBUSB_ERROR_NOT_FOUND`.
    public static let notFound: Int32 = -5
    /// `LIBUSB_ERROR_BUSY`: a kernel driver or another process holds the interface.
    public static let busy: Int32 = -6
    /// `LIBUSB_ERROR_TIMEOUT`.
    public static let timeout: Int32 = -7
    /// `LIBUSB_ERROR_OVERFLOW`: the device sent more than the buffer holds.
    public static let overflow: Int32 = -8
    /// `LIBUSB_ERROR_PIPE`: endpoint stalled.
    public static let pipe: Int32 = -9
    /// `LIBUSB_ERROR_INTERRUPTED`.
    public static let interrupted: Int32 = -10
    /// `LIBUSB_ERROR_NO_MEM`.
    public static let noMemory: Int32 = -11
    /// `LIBUSB_ERROR_NOT_SUPPORTED`.
    public static let notSupported: Int32 = -12
    /// `LIBUSB_ERROR_OTHER`.
    public static let other: Int32 = -99

    /// The symbolic name, e.g. `LIBUSB_ERROR_PIPE`, or `LIBUSB_ERROR_<n>` when unknown.
    public static func name(_ code: Int32) -> String {
        switch code {
        case success: "LIBUSB_SUCCESS"
        case io: "LIBUSB_ERROR_IO"
        case invalidParam: "LIBUSB_ERROR_INVALID_PARAM"
        case access: "LIBUSB_ERROR_ACCESS"
        case noDevice: "LIBUSB_ERROR_NO_DEVICE"
        case notFound: "LIBUSB_ERROR_NOT_FOUND"
        case busy: "LIBUSB_ERROR_BUSY"
        case timeout: "LIBUSB_ERROR_TIMEOUT"
        case overflow: "LIBUSB_ERROR_OVERFLOW"
        case pipe: "LIBUSB_ERROR_PIPE"
        case interrupted: "LIBUSB_ERROR_INTERRUPTED"
        case noMemory: "LIBUSB_ERROR_NO_MEM"
        case notSupported: "LIBUSB_ERROR_NOT_SUPPORTED"
        case other: "LIBUSB_ERROR_OTHER"
        default: "LIBUSB_ERROR_\(code)"
        }
    }
}
