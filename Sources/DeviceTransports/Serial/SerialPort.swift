#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// A serial device (`/dev/ttyUSB0`, `/dev/ttyACM0`, `/dev/kiosk/lockbus0`, a PTY slave) opened
/// raw 8N1 at a fixed rate, without flow control or modem-line handling, as a `ByteStream`.
///
/// The port is opened `O_NOCTTY` and claimed exclusively (`TIOCEXCL`, released on close) so a
/// second process cannot interleave bytes on the bus. Settings a port refuses as not supported
/// (a PTY has no real line speed and may refuse exclusivity or line flags) are listed in
/// `refusedSettings` instead of failing the open. Unplugging the adapter makes calls fail with
/// `.disconnected`; reopen the path when it reappears.
public final class SerialPort: FileDescriptorBacked {
    /// The path that was opened (a stable symlink stays as given).
    public let path: String
    /// The line speed that was requested.
    public let baudRate: BaudRate
    /// Settings the port refused as not supported, for logs (empty on a real UART).
    public let refusedSettings: [String]

    let stream: FileDescriptorStream

    /// The name used in errors: the configured device id, or the path.

    /// Opens `path` raw 8N1 at `baudRate`; `name` (default: the path) names it in errors.
    /// - Throws: `HALError` naming the path: `.disconnected` "no such device" when it does not
    ///   exist, `.unsupported` "permission denied" (udev group/mode) or "not a terminal",
    ///   `.busy` when another process holds it exclusively.
    public init(path: String, baudRate: BaudRate, name: String? = nil) throws(HALError) {
        let device = name ?? path
        let descriptor = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SystemCalls.openFailure(errno, device: device, path: path)
        }
        var refused: [String] = []
        do throws(HALError) {
            guard isatty(descriptor) == 1 else {
                throw HALError(.unsupported, device: device, detail: "not a terminal: \(path)")
            }
            if ioctl(descriptor, UInt(TIOCEXCL)) != 0 {
                refused.append("exclusive access (TIOCEXCL): \(SystemCalls.describe(errno))")
            }
            refused += try TerminalMode.applyRaw(descriptor, baudRate: baudRate, device: device)
            _ = tcflush(descriptor, TCIOFLUSH)
        } catch {
            SystemCalls.close(descriptor)
            throw error
        }
        self.path = path
        self.baudRate = baudRate
        self.refusedSettings = refused
        stream = try FileDescriptorStream(adopting: descriptor, name: device, willClose: { descriptor in
            _ = ioctl(descriptor, UInt(TIOCNXCL))
        })
    }

    /// Opens `path` at `bitsPerSecond` from configuration.
    /// - Throws: `.unsupported` for a rate other than 9600, 19200, 38400, 57600, 115200, and
    ///   everything `init(path:baudRate:name:)` throws.
    public convenience init(path: String, bitsPerSecond: Int, name: String? = nil) throws(HALError) {
        try self.init(path: path, baudRate: BaudRate(bitsPerSecond: bitsPerSecond, device: name ?? path), name: name)
    }
}
