import Foundation

/// What only a kiosk needs about a dossier it returns (the `Kiosk` object of a manifest entry).
public struct OneStopKioskDetails: Codable, Sendable, Equatable {
    /// `KichThuocO`: the slot size the result needs.
    public var slotSize: OneStopSlotSize
    /// `PhuongThucXacThuc`: how the citizen may authenticate; never empty.
    public var authenticationMethods: [OneStopAuthenticationMethod]
    /// `YeuCauNhanChinhChu`: must be received in person at the counter; never released by the kiosk.
    public var inPersonReceiptRequired: Bool
    /// `PhiConNo`: fees still due, VND.
    public var feesDue: Int64
    /// `MaNhan`: the pickup code's slow hash, present once the result was loaded and a code issued.
    public var pickupCodeHash: OneStopSecretHash?
    /// `HanNhan`: the pickup deadline, once a code was issued.
    public var pickupDeadline: Date?
    /// `MaO`: the slot the backend last heard the result was loaded into.
    public var slot: String?
    /// `PhienBan`: this state's change number, strictly increasing across the feed.
    public var changeNumber: Int64

    /// Kiosk details.
    public init(
        slotSize: OneStopSlotSize, authenticationMethods: [OneStopAuthenticationMethod], inPersonReceiptRequired: Bool,
        feesDue: Int64, pickupCodeHash: OneStopSecretHash? = nil, pickupDeadline: Date? = nil, slot: String? = nil,
        changeNumber: Int64
    ) {
        self.slotSize = slotSize
        self.authenticationMethods = authenticationMethods
        self.inPersonReceiptRequired = inPersonReceiptRequired
        self.feesDue = feesDue
        self.pickupCodeHash = pickupCodeHash
        self.pickupDeadline = pickupDeadline
        self.slot = slot
        self.changeNumber = changeNumber
    }

    enum CodingKeys: String, CodingKey {
        case slotSize = "KichThuocO"
        case authenticationMethods = "PhuongThucXacThuc"
        case inPersonReceiptRequired = "YeuCauNhanChinhChu"
        case feesDue = "PhiConNo"
        case pickupCodeHash = "MaNhan"
        case pickupDeadline = "HanNhan"
        case slot = "MaO"
        case changeNumber = "PhienBan"
    }
}
