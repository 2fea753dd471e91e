import Synchronization

/// Bytes a bulk IN transfer delivered beyond what the caller asked for (transfers are whole
/// packets), handed out first by the next read.
final class SurplusBuffer: Sendable {
    private let bytes = Mutex<[UInt8]>([])

    /// Up to `maxCount` kept bytes, or `nil` when none are kept.
    func take(_ maxCount: Int) -> [UInt8]? {
        bytes.withLock { kept in
            guard !kept.isEmpty else { return nil }
            let head = Array(kept.prefix(maxCount))
            kept.removeFirst(head.count)
            return head
        }
    }

    /// Keeps `extra` after what is already kept.
    func keep(_ extra: [UInt8]) {
        guard !extra.isEmpty else { return }
        bytes.withLock { $0.append(contentsOf: extra) }
    }

    /// Drops everything kept.
    func clear() { bytes.withLock { $0.removeAll() } }
}
