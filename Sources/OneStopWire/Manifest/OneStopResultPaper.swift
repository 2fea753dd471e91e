/// One result paper in the envelope (an item of `DanhSachGiayToKetQua`).
public struct OneStopResultPaper: Codable, Sendable, Equatable {
    /// `TenGiayTo`.
    public var name: String
    /// `SoLuong`, at least 1.
    public var count: Int
    /// `MaGiayToKetQua`, when the system numbers result papers.
    public var code: String?

    /// A result paper.
    public init(name: String, count: Int, code: String? = nil) {
        self.name = name
        self.count = count
        self.code = code
    }

    enum CodingKeys: String, CodingKey {
        case name = "TenGiayTo"
        case count = "SoLuong"
        case code = "MaGiayToKetQua"
    }
}
