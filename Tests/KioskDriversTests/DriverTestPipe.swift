import KioskHAL

/// A minimal in-memory duplex byte pipe for driver tests against the emulator: two connected ends, each a
/// `ByteStream`. Reads wait for data up to their timeout; closing either end disconnects both.
/// Stands in until the shared in-memory transport lands.
enum DriverTestPipe {
    /// Two connected ends: what `host` writes, `device` reads, and the other way round.
    static func makePair() -> (host: End, device: End) {
        let toDevice = Buffer()
        let toHost = Buffer()
        return (End(name: "test:host", inbound: toHost, outbound: toDevice),
                End(name: "test:device", inbound: toDevice, outbound: toHost))
    }

    /// One direction of the pipe: bytes in flight and the tasks waiting for them.
    actor Buffer {
        private var bytes: [UInt8] = []
        private var closed = false
        private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        private var nextWaiter = 0
        private var released: Set<Int> = []

        func append(_ more: [UInt8]) throws {
            guard !closed else { throw HALError(.disconnected, device: "test", detail: "pipe closed") }
            bytes.append(contentsOf: more)
            wakeAll()
        }

        func take(maxCount: Int) throws -> [UInt8]? {
            if !bytes.isEmpty {
                let taken = Array(bytes.prefix(maxCount))
                bytes.removeFirst(taken.count)
                return taken
            }
            if closed { throw HALError(.disconnected, device: "test", detail: "pipe closed") }
            return nil
        }

        func discard() { bytes.removeAll() }

        func close() {
            closed = true
            wakeAll()
        }

        func register() -> Int {
            nextWaiter += 1
            return nextWaiter
        }

        /// Suspends until data or close arrives, or `release(_:)` is called for this waiter.
        func wait(_ id: Int) async {
            guard bytes.isEmpty, !closed, !released.contains(id) else { return }
            await withCheckedContinuation { waiters[id] = $0 }
        }

        func release(_ id: Int) {
            released.insert(id)
            waiters.removeValue(forKey: id)?.resume()
        }

        func forget(_ id: Int) { released.remove(id) }

        private func wakeAll() {
            let pending = waiters.values
            waiters.removeAll()
            for continuation in pending { continuation.resume() }
        }
    }

    /// One end of the pipe.
    struct End: ByteStream {
        let name: String
        let inbound: Buffer
        let outbound: Buffer

        func write(_ bytes: [UInt8], timeout: Duration) async throws {
            try Task.checkCancellation()
            try await outbound.append(bytes)
        }

        func read(maxCount: Int, timeout: Duration) async throws -> [UInt8] {
            try Task.checkCancellation()
            if let bytes = try await inbound.take(maxCount: maxCount) { return bytes }
            let id = await inbound.register()
            let buffer = inbound
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await buffer.wait(id) }
                group.addTask { try? await Task.sleep(for: timeout) }
                await group.next()
                group.cancelAll()
                await buffer.release(id)
            }
            await buffer.forget(id)
            try Task.checkCancellation()
            if let bytes = try await inbound.take(maxCount: maxCount) { return bytes }
            throw HALError(.timedOut, device: name, detail: "nothing within \(timeout)")
        }

        func discardInput() async throws { await inbound.discard() }

        func close() async {
            await inbound.close()
            await outbound.close()
        }
    }
}
