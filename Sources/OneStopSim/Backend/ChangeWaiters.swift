import Synchronization

/// Waiters on a named change (a payment request's state, the fault plan): `wait` returns when
/// `notify` is called for the name or the waiting task is cancelled (the caller races it
/// against its own deadline).
final class ChangeWaiters: Sendable {
    private let waiters = Mutex<[String: [Int: CheckedContinuation<Void, Never>]]>([:])
    private let nextToken = Atomic<Int>(0)

    /// Suspends until `notify(id)` or cancellation.
    func wait(for id: String) async {
        let token = nextToken.add(1, ordering: .relaxed).newValue
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = waiters.withLock { table -> Bool in
                    if Task.isCancelled { return true }
                    table[id, default: [:]][token] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = waiters.withLock { table in table[id]?.removeValue(forKey: token) }
            continuation?.resume()
        }
    }

    /// Wakes every waiter on `id`.
    func notify(_ id: String) {
        let continuations = waiters.withLock { table in table.removeValue(forKey: id) ?? [:] }
        for continuation in continuations.values { continuation.resume() }
    }
}
