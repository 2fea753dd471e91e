import Foundation

/// Why a parked waiter of an in-memory pipe was resumed.
enum WakeReason: Sendable, Equatable {
    /// The pipe's state changed (bytes, space or a close); look again.
    case changed
    /// The waiter's deadline passed.
    case timedOut
    /// The waiting task was cancelled.
    case cancelled
}

/// A deadline timer that can be cancelled from any thread; `DispatchWorkItem.cancel()` is
/// thread-safe, the type is only not annotated as `Sendable`.
struct DeadlineTimer: @unchecked Sendable {
    let item: DispatchWorkItem

    /// Schedules `action` after `delay` on a global queue.
    static func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) -> DeadlineTimer {
        let item = DispatchWorkItem(block: action)
        let nanoseconds = Int(clamping: delay.clampedNanoseconds)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds), execute: item)
        return DeadlineTimer(item: item)
    }

    /// Stops the timer if it has not fired yet.
    func cancel() { item.cancel() }
}

/// The bookkeeping of tasks waiting on one side of an in-memory pipe. Not thread-safe by
/// itself: always used under the pipe's lock.
///
/// A waiter is first *reserved* (while the caller still holds the lock and has just seen that
/// it must wait), then *parked* with its continuation. A wake-up or cancellation that arrives in
/// between is remembered as *signalled*, so no wake-up is ever lost.
struct WaiterSet {
    typealias Continuation = CheckedContinuation<WakeReason, Never>

    private enum Entry {
        case reserved
        case signalled(WakeReason)
        case parked(Continuation, DeadlineTimer?)
    }

    /// A waiter taken out of the set, to be resumed outside the lock.
    struct Resumption {
        let continuation: Continuation
        let timer: DeadlineTimer?
        let reason: WakeReason

        /// Cancels the deadline timer and resumes the waiting task.
        func resume() {
            timer?.cancel()
            continuation.resume(returning: reason)
        }
    }

    private var entries: [UInt64: Entry] = [:]
    private var nextID: UInt64 = 0

    /// Reserves a place for a waiter that is about to park; returns its id.
    mutating func reserve() -> UInt64 {
        nextID &+= 1
        entries[nextID] = .reserved
        return nextID
    }

    /// Parks a reserved waiter; returns the reason to resume it with at once when it was
    /// signalled (or is unknown) before parking.
    mutating func park(_ id: UInt64, _ continuation: Continuation, timer: DeadlineTimer?) -> WakeReason? {
        switch entries[id] {
        case .reserved:
            entries[id] = .parked(continuation, timer)
            return nil
        case .signalled(let reason):
            entries[id] = nil
            return reason
        case .parked, nil:
            entries[id] = nil
            return .changed
        }
    }

    /// Forgets a reserved waiter that will not park (its deadline already passed).
    mutating func forget(_ id: UInt64) {
        entries[id] = nil
    }

    /// Signals one waiter (deadline or cancellation); returns it if it was parked.
    mutating func signal(_ id: UInt64, _ reason: WakeReason) -> Resumption? {
        switch entries[id] {
        case .reserved:
            entries[id] = .signalled(reason)
            return nil
        case .parked(let continuation, let timer):
            entries[id] = nil
            return Resumption(continuation: continuation, timer: timer, reason: reason)
        case .signalled, nil:
            return nil
        }
    }

    /// Signals every waiter that the state changed; returns the parked ones.
    mutating func signalAll() -> [Resumption] {
        var resumptions: [Resumption] = []
        for (id, entry) in entries {
            switch entry {
            case .reserved:
                entries[id] = .signalled(.changed)
            case .parked(let continuation, let timer):
                entries[id] = nil
                resumptions.append(Resumption(continuation: continuation, timer: timer, reason: .changed))
            case .signalled:
                break
            }
        }
        return resumptions
    }
}
