#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// Thin wrappers over the POSIX calls the streams use, so that methods named `read`, `write`
/// and `close` on the stream types do not shadow the C functions, plus errno formatting and the
/// mapping of errno values to `HALError` kinds.
enum SystemCalls {
    /// `read(2)`; returns the byte count, 0 at end of stream, or -1 with `errno` set.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        #if canImport(Glibc)
        return Glibc.read(descriptor, base, buffer.count)
        #else
        return Musl.read(descriptor, base, buffer.count)
        #endif
    }

    /// `write(2)`, or `send(2)` with `MSG_NOSIGNAL` for sockets so that a closed peer gives
    /// `EPIPE` instead of killing the process with `SIGPIPE`.
    static func write(_ descriptor: Int32, from buffer: UnsafeRawBufferPointer, isSocket: Bool) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if isSocket {
            return send(descriptor, base, buffer.count, Int32(MSG_NOSIGNAL))
        }
        #if canImport(Glibc)
        return Glibc.write(descriptor, base, buffer.count)
        #else
        return Musl.write(descriptor, base, buffer.count)
        #endif
    }

    /// `poll(2)` over `entries`; returns the ready count, 0 on timeout, or -1 with `errno` set.
    static func poll(_ entries: inout [pollfd], timeoutMilliseconds: Int32) -> Int32 {
        entries.withUnsafeMutableBufferPointer { buffer in
            #if canImport(Glibc)
            Glibc.poll(buffer.baseAddress, nfds_t(buffer.count), timeoutMilliseconds)
            #else
            Musl.poll(buffer.baseAddress, nfds_t(buffer.count), timeoutMilliseconds)
            #endif
        }
    }

    /// `close(2)`; the result is ignored because Linux releases the descriptor even on `EINTR`.
    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Musl.close(descriptor)
        #endif
    }

    /// Sets `O_NONBLOCK` and `FD_CLOEXEC`; returns the errno on failure.
    static func makeNonBlockingAndCloseOnExec(_ descriptor: Int32) -> Int32? {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else { return errno }
        let descriptorFlags = fcntl(descriptor, F_GETFD)
        guard descriptorFlags >= 0, fcntl(descriptor, F_SETFD, descriptorFlags | FD_CLOEXEC) == 0 else {
            return errno
        }
        return nil
    }

    /// Whether `descriptor` is a socket (decides between `send` and `write`).
    static func isSocket(_ descriptor: Int32) -> Bool {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFSOCK
    }

    /// `strerror` text with the number, e.g. `Input/output error (errno 5)`.
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return "\(String(cString: text)) (errno \(code))"
    }

    /// The error for a failed `read`/`write`/`poll` on an open channel: every errno that is not
    /// a retry signal means the channel is unusable, which is `.disconnected`
    /// (`EIO`, `ENXIO`, `EBADF`, `EPIPE`, `ECONNRESET`, `ENODEV` are the usual ones).
    static func ioFailure(_ code: Int32, device: String, operation: String) -> HALError {
        HALError(.disconnected, device: device, detail: "\(operation) failed: \(describe(code))")
    }

    /// The error for a failed `open`/`connect` of `path`, with a kind a supervisor can branch on:
    /// missing → `.disconnected`, busy → `.busy`, permission or anything else → `.unsupported`.
    static func openFailure(_ code: Int32, device: String, path: String) -> HALError {
        switch code {
        case ENOENT, ENODEV, ENXIO, ENOTDIR:
            return HALError(.disconnected, device: device, detail: "no such device: \(path): \(describe(code))")
        case EACCES, EPERM:
            return HALError(.unsupported, device: device, detail: "permission denied: \(path): \(describe(code))")
        case EBUSY:
            return HALError(.busy, device: device, detail: "device busy (held exclusively): \(path): \(describe(code))")
        case ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, ECONNRESET:
            return HALError(.disconnected, device: device, detail: "cannot connect to \(path): \(describe(code))")
        default:
            return HALError(.unsupported, device: device, detail: "cannot open \(path): \(describe(code))")
        }
    }
}

extension Duration {
    /// This duration in whole nanoseconds, clamped to 0…`Int64.max`.
    var clampedNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return Int64.max }
        let (total, overflow2) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow2 ? Int64.max : max(0, total)
    }

    /// This duration as a `poll(2)` timeout: milliseconds rounded up (so a wait never spins at 0
    /// before its deadline), clamped to 0…`Int32.max`.
    var pollMilliseconds: Int32 {
        let nanoseconds = clampedNanoseconds
        let milliseconds = nanoseconds / 1_000_000 + (nanoseconds % 1_000_000 == 0 ? 0 : 1)
        return Int32(clamping: milliseconds)
    }
}
