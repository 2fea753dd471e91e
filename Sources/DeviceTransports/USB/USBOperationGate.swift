import KioskHAL
import Synchronization

/// Counts the operations running on a USB handle so that `close()` returns only after the last
/// one left (each leaves within one transfer slice once it sees the gate closed); the first
/// closer then releases the handle.
final class USBOperationGate: Sendable {
    private struct State {
        var closed = false
        var inFlight = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Whether `close()` was called.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Starts an operation. - Throws: `.disconnected` once closed.
    func enter(device: String) throws(HALError) {
        let admitted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.inFlight += 1
            return true
        }
        guard admitted else { throw HALError(.disconnected, device: device, detail: "stream closed") }
    }

    /// Ends an operation begun with `enter`.
    func leave() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.inFlight -= 1
            return Self.idleWaiters(&state)
        }
        waiters.forEach { $0.resume() }
    }

    /// Closes the gate and waits until no operation runs; returns `true` for the first closer,
    /// which must release the handle.
    func close() async -> Bool {
        let first = state.withLock { state -> Bool in
            defer { state.closed = true }
            return !state.closed
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.waiters.append(continuation)
                return Self.idleWaiters(&state)
            }
            waiters.forEach { $0.resume() }
        }
        return first
    }

    private static func idleWaiters(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        guard state.closed, state.inFlight == 0 else { return [] }
        let waiters = state.waiters
        state.waiters = []
        return waiters
    }
}

/// Set from a task's cancellation handler, read between transfer slices on a dispatch queue.
final class USBCancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)
    /// Marks the operation cancelled.
    func cancel() { cancelled.store(true, ordering: .relaxed) }
    /// Whether the operation was cancelled.
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}
