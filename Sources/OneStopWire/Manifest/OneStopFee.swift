/// One fee or charge on a dossier (an item of `DanhSachLePhi`).
public struct OneStopFee: Codable, Sendable, Equatable {
    /// When a fee is collected (`HinhThucThu`).
    public enum Timing: String, Codable, Sendable, CaseIterable {
        /// Thu trước: at intake.
        case atIntake = "THU_TRUOC"
        /// Thu sau: at hand-out.
        case atHandOut = "THU_SAU"
        /// Miễn: waived.
        case waived = "MIEN"
    }

    /// `TenPhiLePhi`.
    public var name: String
    /// `MaPhiLePhi`.
    public var code: String
    /// `HinhThucThu`.
    public var timing: Timing
    /// `Gia`: amount in VND.
    public var amount: Int64
    /// `DaThanhToan`.
    public var paid: Bool

    /// A fee.
    public init(name: String, code: String, timing: Timing, amount: Int64, paid: Bool) {
        self.name = name
        self.code = code
        self.timing = timing
        self.amount = amount
        self.paid = paid
    }

    enum CodingKeys: String, CodingKey {
        case name = "TenPhiLePhi"
        case code = "MaPhiLePhi"
        case timing = "HinhThucThu"
        case amount = "Gia"
        case paid = "DaThanhToan"
    }
}
