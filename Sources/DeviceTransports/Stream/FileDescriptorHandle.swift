#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import KioskHAL

/// Owns one non-blocking file descriptor shared by concurrent operations and closes it exactly
/// once, never while an operation still uses it (so a closed number cannot be reused under a
/// running `read` or `poll`).
///
/// Operations `acquire()` the descriptor and `release()` it; `close()` marks the handle closed,
/// wakes every readiness wait at once, and the descriptor is closed by whoever leaves last.
final class FileDescriptorHandle: @unchecked Sendable {
    /// Which readiness a wait is for.
    enum Direction: Sendable { case input, output }

    /// Name used in errors.
    let name: String

    private let descriptor: Int32
    private let willClose: @Sendable (Int32) -> Void
    private let lock = NSLock()
    private var isClosed = false
    private var isReleased = false
    private var inFlight = 0
    private var waiters: [ObjectIdentifier: ReadinessWaiter] = [:]
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []
    private let inputQueue: DispatchQueue
    private let outputQueue: DispatchQueue

    /// Takes ownership of `descriptor` (already non-blocking). `willClose` runs once, just
    /// before the descriptor is closed, with the descriptor still valid.
    init(adopting descriptor: Int32, name: String, willClose: @escaping @Sendable (Int32) -> Void = { _ in }) {
        self.descriptor = descriptor
        self.name = name
        self.willClose = willClose
        inputQueue = DispatchQueue(label: "DeviceTransports.input.\(name)")
        outputQueue = DispatchQueue(label: "DeviceTransports.output.\(name)")
    }

    deinit {
        if !isReleased {
            willClose(descriptor)
            SystemCalls.close(descriptor)
        }
    }

    /// Whether `close()` was called.
    var closed: Bool { lock.withLock { isClosed } }

    /// The descriptor for one operation; pair with `release()`.
    /// - Throws: `.disconnected` once the handle is closed.
    func acquire() throws(HALError) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { throw HALError(.disconnected, device: name, detail: "stream closed") }
        inFlight += 1
        return descriptor
    }

    /// Ends an operation begun with `acquire()`.
    func release() {
        lock.lock()
        inFlight -= 1
        let resumptions = releaseIfIdleLocked()
        lock.unlock()
        resumptions.forEach { $0.resume() }
    }

    /// Closes the handle (idempotent): waits are woken with `.disconnected`, and this returns
    /// once the descriptor itself is closed.
    func close() async {
        let (wake, alreadyReleased): ([ReadinessWaiter], Bool) = lock.withLock {
            isClosed = true
            return (Array(waiters.values), isReleased)
        }
        wake.forEach { $0.signal(.closed) }
        if alreadyReleased { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            closeWaiters.append(continuation)
            let resumptions = releaseIfIdleLocked()
            lock.unlock()
            resumptions.forEach { $0.resume() }
        }
    }

    /// Closes the descriptor when closed and idle; returns the `close()` calls to resume.
    private func releaseIfIdleLocked() -> [CheckedContinuation<Void, Never>] {
        if isClosed, inFlight == 0, !isReleased {
            isReleased = true
            willClose(descriptor)
            SystemCalls.close(descriptor)
        }
        guard isReleased else { return [] }
        let resumptions = closeWaiters
        closeWaiters = []
        return resumptions
    }

    /// Waits until the acquired `descriptor` is ready for `direction` (or reports a hang-up or
    /// error, which the next system call will surface), on a dispatch queue so that no Swift
    /// concurrency thread blocks.
    /// - Throws: `.timedOut` at `deadline`, `.disconnected` when closed meanwhile or when the
    ///   descriptor is invalid, `CancellationError` when the task is cancelled.
    func waitReady(_ direction: Direction, descriptor: Int32, until deadline: ContinuousClock.Instant) async throws {
        let waiter = try ReadinessWaiter(device: name)
        let key = ObjectIdentifier(waiter)
        let registered = lock.withLock { () -> Bool in
            guard !isClosed else { return false }
            waiters[key] = waiter
            return true
        }
        defer {
            lock.withLock { waiters[key] = nil }
            waiter.dispose()
        }
        guard registered else { throw HALError(.disconnected, device: name, detail: "stream closed") }
        let events = Int16(direction == .input ? POLLIN : POLLOUT)
        let queue = direction == .input ? inputQueue : outputQueue
        let name = self.name
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                queue.async {
                    continuation.resume(with: Result {
                        try waiter.poll(descriptor, events: events, until: deadline, device: name)
                    })
                }
            }
        } onCancel: {
            waiter.signal(.cancelled)
        }
    }
}
