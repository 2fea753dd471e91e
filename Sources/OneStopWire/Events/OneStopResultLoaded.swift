import Foundation

/// `DuLieu` of `NAP_KET_QUA`: where the result was loaded.
public struct OneStopResultLoaded: Codable, Sendable, Equatable {
    /// `MaO`: the slot, e.g. `B-07`.
    public var slot: String
    /// `KichThuocO`: its size.
    public var slotSize: OneStopSlotSize
    /// `HanNhan`: the kiosk's holding deadline, when it has one; the backend chooses otherwise.
    public var pickupDeadline: Date?

    /// Loading details.
    public init(slot: String, slotSize: OneStopSlotSize, pickupDeadline: Date? = nil) {
        self.slot = slot
        self.slotSize = slotSize
        self.pickupDeadline = pickupDeadline
    }

    enum CodingKeys: String, CodingKey {
        case slot = "MaO"
        case slotSize = "KichThuocO"
        case pickupDeadline = "HanNhan"
    }
}
