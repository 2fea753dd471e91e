import Foundation

/// The answer to an event batch: every event of the batch is in `accepted` or `rejected`.
public struct OneStopEventBatchResult: Codable, Sendable, Equatable {
    /// `DaNhan`: accepted events, duplicates accepted earlier included.
    public var accepted: [UUID]
    /// `TuChoi`: refused events with reasons.
    public var rejected: [OneStopRejectedEvent]
    /// `SoThuTuCuoi`: the last sequence number consumed for the kiosk; every event up to it is settled.
    public var lastConsumedSeq: Int64

    /// A batch answer.
    public init(accepted: [UUID], rejected: [OneStopRejectedEvent], lastConsumedSeq: Int64) {
        self.accepted = accepted
        self.rejected = rejected
        self.lastConsumedSeq = lastConsumedSeq
    }

    enum CodingKeys: String, CodingKey {
        case accepted = "DaNhan"
        case rejected = "TuChoi"
        case lastConsumedSeq = "SoThuTuCuoi"
    }
}
