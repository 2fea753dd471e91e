import Synchronization

/// The simulator's open HTTP connections, each with the action that ends it; a timed outage ends
/// them all at its start, so a client's pooled keep-alive connections see the outage too.
final class OpenConnections: Sendable {
    private let table = Mutex((next: 0, enders: [Int: @Sendable () -> Void]()))

    /// Tracks a connection; returns the token that `remove` takes.
    func add(_ end: @escaping @Sendable () -> Void) -> Int {
        table.withLock { table in
            table.next += 1
            table.enders[table.next] = end
            return table.next
        }
    }

    /// Stops tracking a closed connection.
    func remove(_ token: Int) {
        _ = table.withLock { $0.enders.removeValue(forKey: token) }
    }

    /// Asks every open connection to end (each after the answer it is writing, if any).
    func endAll() {
        let enders = table.withLock { Array($0.enders.values) }
        for end in enders { end() }
    }
}
