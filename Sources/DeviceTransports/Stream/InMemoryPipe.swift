import Foundation

/// One direction of an in-memory byte channel: a bounded FIFO of bytes with a writing end and
/// a reading end, and the tasks waiting on either.
///
/// All state is guarded by `lock`; continuations are resumed outside it. Waiting never polls:
/// a waiter parks a continuation and is resumed by a state change, its deadline timer or
/// cancellation, whichever comes first.
final class InMemoryPipe: @unchecked Sendable {
    /// Which end of the pipe waits.
    enum Side { case reader, writer }

    /// What a read attempt found.
    enum ReadStep {
        case bytes([UInt8])
        case failed(String)
        case wait(UInt64)
    }

    /// What a write attempt achieved.
    enum WriteStep {
        case done
        case failed(String)
        case wait(UInt64)
    }

    /// Most bytes held at once; writers wait for space beyond it.
    let capacity: Int

    private let lock = NSLock()
    private var storage: [UInt8] = []
    private var head = 0
    private var writerClosed = false
    private var readerClosed = false
    private var readers = WaiterSet()
    private var writers = WaiterSet()

    /// A pipe holding at most `capacity` bytes (at least 1).
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Takes up to `maxCount` buffered bytes, or reports the end, or reserves a reader wait.
    func read(maxCount: Int) -> ReadStep {
        var resumptions: [WaiterSet.Resumption] = []
        defer { resumptions.forEach { $0.resume() } }
        lock.lock()
        defer { lock.unlock() }
        if readerClosed { return .failed("stream closed") }
        let available = storage.count - head
        if available > 0 {
            let count = min(available, maxCount)
            let bytes = Array(storage[head ..< head + count])
            head += count
            compact()
            resumptions = writers.signalAll()
            return .bytes(bytes)
        }
        if writerClosed { return .failed("peer closed the stream") }
        return .wait(readers.reserve())
    }

    /// Appends as much of `bytes[offset...]` as fits, advancing `offset`; reports completion,
    /// a closed end, or reserves a writer wait for space.
    func write(_ bytes: [UInt8], offset: inout Int) -> WriteStep {
        var resumptions: [WaiterSet.Resumption] = []
        defer { resumptions.forEach { $0.resume() } }
        lock.lock()
        defer { lock.unlock() }
        if writerClosed { return .failed("stream closed") }
        if readerClosed { return .failed("peer closed the stream") }
        let space = capacity - (storage.count - head)
        let count = min(space, bytes.count - offset)
        if count > 0 {
            storage.append(contentsOf: bytes[offset ..< offset + count])
            offset += count
            resumptions = readers.signalAll()
        }
        return offset == bytes.count ? .done : .wait(writers.reserve())
    }

    /// Drops every buffered byte; returns how many were dropped.
    @discardableResult
    func discardBuffered() -> Int {
        finish { () -> Int in
            let dropped = storage.count - head
            storage.removeAll(keepingCapacity: true)
            head = 0
            return dropped
        }
    }

    /// Closes the writing end: the reader drains what is buffered, then sees the end.
    func closeWriter() {
        finish { writerClosed = true }
    }

    /// Closes the reading end: buffered bytes are dropped and writers fail.
    func closeReader() {
        finish {
            readerClosed = true
            storage = []
            head = 0
        }
    }

    /// Waits until the state changes, `deadline` passes or the task is cancelled, for a waiter
    /// reserved by `read(maxCount:)` or `write(_:offset:)`.
    func wait(_ side: Side, id: UInt64, until deadline: ContinuousClock.Instant) async -> WakeReason {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: WaiterSet.Continuation) in
                let remaining = ContinuousClock.now.duration(to: deadline)
                guard remaining > .zero else {
                    lock.withLock { withWaiters(side) { $0.forget(id) } }
                    continuation.resume(returning: .timedOut)
                    return
                }
                let timer = DeadlineTimer.schedule(after: remaining) { [weak self] in
                    self?.signal(side, id: id, reason: .timedOut)
                }
                let immediate = lock.withLock {
                    withWaiters(side) { $0.park(id, continuation, timer: timer) }
                }
                if let immediate {
                    timer.cancel()
                    continuation.resume(returning: immediate)
                }
            }
        } onCancel: {
            signal(side, id: id, reason: .cancelled)
        }
    }

    private func signal(_ side: Side, id: UInt64, reason: WakeReason) {
        let resumption = lock.withLock { withWaiters(side) { $0.signal(id, reason) } }
        resumption?.resume()
    }

    /// Runs `change` under the lock, then wakes every waiter on both sides.
    private func finish<Result>(_ change: () -> Result) -> Result {
        lock.lock()
        let result = change()
        let resumptions = readers.signalAll() + writers.signalAll()
        lock.unlock()
        resumptions.forEach { $0.resume() }
        return result
    }

    private func withWaiters<Result>(_ side: Side, _ body: (inout WaiterSet) -> Result) -> Result {
        switch side {
        case .reader: return body(&readers)
        case .writer: return body(&writers)
        }
    }

    /// Reclaims consumed bytes once they make up most of the storage.
    private func compact() {
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 4096, head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}
