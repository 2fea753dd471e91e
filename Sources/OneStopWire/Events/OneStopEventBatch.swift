/// A batch of outbox events (`POST …/su-kien`), at most `maximumCount`.
public struct OneStopEventBatch: Codable, Sendable, Equatable {
    /// The most events one batch may carry.
    public static let maximumCount = 100

    /// `MaKiosk`: must equal the path's kiosk.
    public var kioskID: String
    /// `SuKien`.
    public var events: [OneStopEvent]

    /// A batch.
    public init(kioskID: String, events: [OneStopEvent]) {
        self.kioskID = kioskID
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case kioskID = "MaKiosk"
        case events = "SuKien"
    }
}
