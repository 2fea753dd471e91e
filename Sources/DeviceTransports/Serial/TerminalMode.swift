#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// Puts a terminal into raw byte mode: no echo, no canonical lines, no CR/NL translation, no
/// signals, no software or hardware flow control, 8 data bits, no parity, 1 stop bit, and
/// `VMIN = 1, VTIME = 0` (a non-blocking read then says `EAGAIN` when empty and 0 only on
/// hang-up).
enum TerminalMode {
    /// Applies raw 8N1 (at `baudRate` when given) to `descriptor`; returns the settings the
    /// port refused as not supported (a PTY refuses some line settings with `EINVAL`), which
    /// are not fatal as long as raw byte mode itself holds.
    /// - Throws: `.unsupported` when the descriptor is not a terminal or raw mode cannot be set.
    static func applyRaw(_ descriptor: Int32, baudRate: BaudRate?, device: String) throws(HALError) -> [String] {
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else {
            throw HALError(.unsupported, device: device, detail: "not a terminal: \(SystemCalls.describe(errno))")
        }
        var refused: [String] = []
        var wanted = original
        makeRawLocalModes(&wanted)
        wanted.c_cflag &= ~(tcflag_t(CSIZE | PARENB | CSTOPB) | tcflag_t(CRTSCTS))
        wanted.c_cflag |= tcflag_t(CS8 | CREAD | CLOCAL)
        if let baudRate {
            if cfsetispeed(&wanted, baudRate.speed) != 0 || cfsetospeed(&wanted, baudRate.speed) != 0 {
                refused.append("\(baudRate): \(SystemCalls.describe(errno))")
            }
        }
        if tcsetattr(descriptor, TCSANOW, &wanted) != 0 {
            let code = errno
            guard code == EINVAL || code == ENOTTY else {
                throw HALError(.unsupported, device: device, detail: "cannot set raw 8N1: \(SystemCalls.describe(code))")
            }
            refused.append("line settings (speed, 8N1, flow control): \(SystemCalls.describe(code))")
            var fallback = original
            makeRawLocalModes(&fallback)
            guard tcsetattr(descriptor, TCSANOW, &fallback) == 0 else {
                throw HALError(.unsupported, device: device, detail: "cannot set raw mode: \(SystemCalls.describe(errno))")
            }
        }
        try verifyRaw(descriptor, device: device)
        return refused
    }

    /// Clears every input, output and local processing flag and sets `VMIN = 1, VTIME = 0`.
    private static func makeRawLocalModes(_ settings: inout termios) {
        cfmakeraw(&settings)
        settings.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        withUnsafeMutableBytes(of: &settings.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
    }

    /// Checks that the kernel kept the flags that matter for byte transparency.
    private static func verifyRaw(_ descriptor: Int32, device: String) throws(HALError) {
        var actual = termios()
        guard tcgetattr(descriptor, &actual) == 0 else {
            throw HALError(.unsupported, device: device, detail: "cannot read back termios: \(SystemCalls.describe(errno))")
        }
        let local = actual.c_lflag & tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        let input = actual.c_iflag & tcflag_t(ICRNL | INLCR | IGNCR | ISTRIP | IXON)
        let output = actual.c_oflag & tcflag_t(OPOST)
        guard local == 0, input == 0, output == 0 else {
            throw HALError(.unsupported, device: device, detail: "terminal kept line processing after raw mode was set")
        }
    }
}
