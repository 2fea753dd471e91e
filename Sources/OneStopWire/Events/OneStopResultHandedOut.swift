/// `DuLieu` of `TRA_KET_QUA`: how the result left the kiosk.
public struct OneStopResultHandedOut: Codable, Sendable, Equatable {
    /// `MaO`: the slot it was taken from.
    public var slot: String
    /// `PhuongThucXacThuc`: how the recipient authenticated.
    public var authenticationMethod: OneStopAuthenticationMethod
    /// `ThongTinTra`: free text about the hand-over.
    public var handOverNote: String?
    /// `NguoiNhan`: who took it (masked name), when known.
    public var recipient: String?

    /// Hand-out details.
    public init(
        slot: String, authenticationMethod: OneStopAuthenticationMethod, handOverNote: String? = nil,
        recipient: String? = nil
    ) {
        self.slot = slot
        self.authenticationMethod = authenticationMethod
        self.handOverNote = handOverNote
        self.recipient = recipient
    }

    enum CodingKeys: String, CodingKey {
        case slot = "MaO"
        case authenticationMethod = "PhuongThucXacThuc"
        case handOverNote = "ThongTinTra"
        case recipient = "NguoiNhan"
    }
}
