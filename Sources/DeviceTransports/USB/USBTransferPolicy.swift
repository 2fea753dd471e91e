import KioskHAL

/// Rules shared by the bulk write and read policies: how long one libusb call may block and how
/// a libusb status that is neither success, timeout nor stall becomes a `HALError`.
public enum USBTransferPolicy {
    /// The longest single libusb call, so that cancellation and `close()` are noticed within
    /// this bound even though a synchronous transfer cannot be interrupted.
    public static let defaultSlice: Duration = .milliseconds(250)

    /// The timeout for the next call: the remaining time capped at `slice`, in whole
    /// milliseconds, never 0 (libusb reads 0 as "wait forever"); `nil` when no time remains.
    public static func callTimeout(remaining: Duration, slice: Duration) -> UInt32? {
        guard remaining > .zero else { return nil }
        let bounded = min(remaining, slice)
        let milliseconds = bounded.components.seconds * 1000 + bounded.components.attoseconds / 1_000_000_000_000_000
        return UInt32(clamping: max(1, milliseconds))
    }

    /// The error for a libusb status that ends the operation: `NO_DEVICE` and `IO` (how an
    /// unplug often shows first) → `.disconnected`, `BUSY` → `.busy`, `OVERFLOW` →
    /// `.protocolViolation`, anything else → `.disconnected` with the name.
    public static func failure(code: Int32, device: String, operation: String) -> HALError {
        let name = LibUSBError.name(code)
        switch code {
        case LibUSBError.noDevice:
            return HALError(.disconnected, device: device, detail: "\(operation): device unplugged (\(name))")
        case LibUSBError.busy:
            return HALError(.busy, device: device, detail: "\(operation): interface busy (\(name))")
        case LibUSBError.overflow:
            return HALError(.protocolViolation, device: device, detail: "\(operation): device sent more than requested (\(name))")
        default:
            return HALError(.disconnected, device: device, detail: "\(operation) failed: \(name) (\(code))")
        }
    }
}
