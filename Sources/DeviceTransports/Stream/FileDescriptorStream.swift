#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// A `ByteStream` over one non-blocking file descriptor (a tty, a PTY master, a socket): the
/// core shared by `SerialPort`, `PseudoTerminal` and `TCPByteStream`.
///
/// System calls are tried directly (they never block); when they would block, the wait runs in
/// `poll(2)` on a dispatch queue, never on a Swift concurrency thread. Partial writes resume,
/// `EINTR`/`EAGAIN` retry, and every other failure — `EIO`, `ENXIO`, `EBADF`, `EPIPE`, a hang-up,
/// end of stream — is `.disconnected` (how an unplugged USB-serial adapter or a closed PTY
/// master shows up). A terminal must be in raw mode with `VMIN` ≥ 1, where a read of 0 bytes
/// means hang-up.
public final class FileDescriptorStream: ByteStream {
    /// Largest single `read(2)`: 64 KiB.
    static let readChunk = 65_536

    /// The name given at creation, used in every error.
    public let name: String

    let handle: FileDescriptorHandle
    private let isSocket: Bool
    private let isTerminal: Bool

    /// Adopts `descriptor` (the stream closes it), making it non-blocking and close-on-exec.
    /// - Throws: `.unsupported` when the descriptor flags cannot be set (the descriptor is
    ///   closed then).
    public convenience init(adopting descriptor: Int32, name: String) throws(HALError) {
        try self.init(adopting: descriptor, name: name, willClose: { _ in })
    }

    /// Adopts `descriptor`; `willClose` runs once just before it is closed.
    init(adopting descriptor: Int32, name: String, willClose: @escaping @Sendable (Int32) -> Void) throws(HALError) {
        if let code = SystemCalls.makeNonBlockingAndCloseOnExec(descriptor) {
            willClose(descriptor)
            SystemCalls.close(descriptor)
            throw HALError(.unsupported, device: name, detail: "cannot make descriptor non-blocking: \(SystemCalls.describe(code))")
        }
        self.name = name
        isSocket = SystemCalls.isSocket(descriptor)
        isTerminal = isatty(descriptor) == 1
        handle = FileDescriptorHandle(adopting: descriptor, name: name, willClose: willClose)
    }

    /// Writes every byte within `timeout`, resuming partial writes.
    /// - Throws: `.timedOut` (the detail says how many bytes went out), `.disconnected`,
    ///   `CancellationError`.
    public func write(_ bytes: [UInt8], timeout: Duration) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let descriptor = try handle.acquire()
        defer { handle.release() }
        var offset = 0
        while offset < bytes.count {
            try Task.checkCancellation()
            let written = bytes.withUnsafeBytes { buffer in
                SystemCalls.write(descriptor, from: UnsafeRawBufferPointer(rebasing: buffer[offset...]), isSocket: isSocket)
            }
            if written > 0 {
                offset += written
                continue
            }
            let code = written < 0 ? errno : EAGAIN
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else {
                throw SystemCalls.ioFailure(code, device: name, operation: "write")
            }
            do {
                try await handle.waitReady(.output, descriptor: descriptor, until: deadline)
            } catch let error as HALError where error.kind == .timedOut {
                throw HALError(.timedOut, device: name, detail:
                    "peer did not take the bytes: wrote \(offset) of \(bytes.count) within \(timeout)")
            }
        }
    }

    /// Returns 1…`maxCount` bytes, waiting up to `timeout` for the first.
    /// - Throws: `.timedOut` when nothing arrived, `.disconnected` on end of stream, hang-up or
    ///   an I/O error, `.unsupported` for `maxCount` < 1, `CancellationError`.
    public func read(maxCount: Int, timeout: Duration) async throws -> [UInt8] {
        guard maxCount > 0 else {
            throw HALError(.unsupported, device: name, detail: "read maxCount must be at least 1, got \(maxCount)")
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let descriptor = try handle.acquire()
        defer { handle.release() }
        var buffer = [UInt8](repeating: 0, count: min(maxCount, Self.readChunk))
        while true {
            try Task.checkCancellation()
            let count = buffer.withUnsafeMutableBytes { SystemCalls.read(descriptor, into: $0) }
            if count > 0 {
                return Array(buffer[..<count])
            }
            if count == 0 {
                throw HALError(.disconnected, device: name, detail: "end of stream (peer closed or hung up)")
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else {
                throw SystemCalls.ioFailure(code, device: name, operation: "read")
            }
            do {
                try await handle.waitReady(.input, descriptor: descriptor, until: deadline)
            } catch let error as HALError where error.kind == .timedOut {
                throw HALError(.timedOut, device: name, detail: "no byte within \(timeout)")
            }
        }
    }

    /// Drops input received and not yet read: the terminal's input queue (`tcflush`) and
    /// whatever a non-blocking read still finds (at most 1 MiB, so a chattering peer cannot
    /// hold the caller). A hang-up found here is reported by the next `read`.
    /// - Throws: `.disconnected` when the stream is closed.
    public func discardInput() async throws {
        let descriptor = try handle.acquire()
        defer { handle.release() }
        if isTerminal { _ = tcflush(descriptor, TCIFLUSH) }
        var scratch = [UInt8](repeating: 0, count: 4096)
        var dropped = 0
        while dropped < 1_048_576 {
            let count = scratch.withUnsafeMutableBytes { SystemCalls.read(descriptor, into: $0) }
            if count > 0 {
                dropped += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Closes the descriptor (idempotent); waiting calls fail with `.disconnected` at once.
    public func close() async {
        await handle.close()
    }
}
