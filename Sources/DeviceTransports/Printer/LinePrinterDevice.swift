#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// A USB printer-class device bound to the kernel's `usblp` driver (`/dev/usb/lp0`, or a
/// stable udev link such as `/dev/kiosk/printer0`) as a `ByteStream`.
///
/// The node is opened `O_RDWR | O_NOCTTY`, non-blocking and close-on-exec. Writes go to the
/// printer's bulk OUT endpoint. `usblp` also supports `read(2)` — and `poll(2)` for input — on
/// bidirectional printers (interface protocol 2, bulk OUT + IN), which is how the ESC/POS
/// status replies to `10 04 n` come back; on a unidirectional printer (protocol 1) reads never
/// return data, so status reads time out and the driver reports the printer offline. Unplugging
/// makes calls fail with `.disconnected` (`ENODEV`); reopen the path when it reappears.
/// No termios settings apply: this is not a terminal.
public final class LinePrinterDevice: FileDescriptorBacked {
    /// The path that was opened (a udev link stays as given).
    public let path: String

    let stream: FileDescriptorStream

    /// Opens `path` for reading and writing; `name` (default: the path) names it in errors.
    /// - Throws: `HALError` naming the path: `.disconnected` "no such device" when it does not
    ///   exist (`ENOENT`, `ENODEV`, `ENXIO`: not plugged in or not bound to `usblp`);
    ///   `.unsupported` "permission denied" (`EACCES`/`EPERM`: the service user needs the `lp`
    ///   group or a udev rule); `.busy` (`EBUSY`: another process or a libusb client holds the
    ///   printer); `.unsupported` for a directory or any other failure.
    public init(path: String, name: String? = nil) throws(HALError) {
        let device = name ?? path
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            throw Self.openFailure(errno, device: device, path: path)
        }
        self.path = path
        stream = try FileDescriptorStream(adopting: descriptor, name: device)
    }

    /// The error for a failed `open(2)` of a printer node, with the remedy in the detail.
    static func openFailure(_ code: Int32, device: String, path: String) -> HALError {
        switch code {
        case ENOENT, ENODEV, ENXIO:
            return HALError(.disconnected, device: device, detail:
                "no such device: \(path) (printer unplugged or not bound to usblp): \(SystemCalls.describe(code))")
        case EACCES, EPERM:
            return HALError(.unsupported, device: device, detail:
                "permission denied: \(path) (add the service user to group lp or fix the udev rule): \(SystemCalls.describe(code))")
        case EBUSY:
            return HALError(.busy, device: device, detail:
                "device busy: \(path) is held by another process or a libusb client: \(SystemCalls.describe(code))")
        case EISDIR:
            return HALError(.unsupported, device: device, detail: "not a device: \(path) is a directory")
        default:
            return SystemCalls.openFailure(code, device: device, path: path)
        }
    }
}
