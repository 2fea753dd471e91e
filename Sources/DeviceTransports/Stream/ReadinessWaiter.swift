#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import KioskHAL

/// One blocking readiness wait: `poll(2)` on the device descriptor plus a private wake-up
/// socket pair, so that cancellation and `close()` interrupt the wait at once instead of
/// being noticed at the next timeout slice. The pair exists only for the duration of the wait,
/// so an idle stream holds no extra descriptors.
final class ReadinessWaiter: @unchecked Sendable {
    /// Why the wait was interrupted from outside.
    enum Interruption: Sendable { case cancelled, closed }

    private let lock = NSLock()
    private var interruption: Interruption?
    private var disposed = false
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// Creates the wake-up pair. - Throws: `.unsupported` when the process is out of descriptors.
    init(device: String) throws(HALError) {
        var pair: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &pair) == 0 else {
            throw HALError(.unsupported, device: device, detail: "cannot create wake-up pair: \(SystemCalls.describe(errno))")
        }
        wakeRead = pair[0]
        wakeWrite = pair[1]
    }

    deinit { dispose() }

    /// Interrupts the wait (first reason wins); harmless after the wait ended.
    func signal(_ reason: Interruption) {
        lock.lock()
        defer { lock.unlock() }
        guard !disposed, interruption == nil else { return }
        interruption = reason
        var byte: UInt8 = 1
        _ = send(wakeWrite, &byte, 1, Int32(MSG_NOSIGNAL))
    }

    /// Closes the wake-up pair (idempotent).
    func dispose() {
        lock.lock()
        defer { lock.unlock() }
        guard !disposed else { return }
        disposed = true
        SystemCalls.close(wakeRead)
        SystemCalls.close(wakeWrite)
    }

    private func interruptionError(device: String) -> (any Error)? {
        switch lock.withLock({ interruption }) {
        case .cancelled: return CancellationError()
        case .closed: return HALError(.disconnected, device: device, detail: "stream closed")
        case nil: return nil
        }
    }

    /// Blocks in `poll(2)` until `descriptor` reports any of `events` (or a hang-up/error),
    /// the deadline passes, or the wait is interrupted. `EINTR` restarts with the remaining time.
    func poll(_ descriptor: Int32, events: Int16, until deadline: ContinuousClock.Instant, device: String) throws {
        while true {
            if let error = interruptionError(device: device) { throw error }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw HALError(.timedOut, device: device, detail: "not ready within the timeout")
            }
            var entries = [
                pollfd(fd: descriptor, events: events, revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let result = SystemCalls.poll(&entries, timeoutMilliseconds: remaining.pollMilliseconds)
            if result < 0 {
                let code = errno
                if code == EINTR || code == EAGAIN { continue }
                throw SystemCalls.ioFailure(code, device: device, operation: "poll")
            }
            if entries[1].revents != 0, let error = interruptionError(device: device) { throw error }
            let revents = entries[0].revents
            if revents & Int16(POLLNVAL) != 0 {
                throw HALError(.disconnected, device: device, detail: "descriptor is no longer valid (POLLNVAL)")
            }
            if revents != 0 { return }
        }
    }
}
