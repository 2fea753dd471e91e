/// One procedure of the catalogue (`ThuTuc`).
public struct OneStopProcedure: Codable, Sendable, Equatable {
    /// Whether results of a procedure may be returned through a kiosk (`TraQuaKiosk`).
    public enum KioskReturn: String, Codable, Sendable, CaseIterable {
        /// Yes.
        case allowed = "CO"
        /// Never: received in person.
        case never = "KHONG"
        /// Depends on the dossier (e.g. an original must be surrendered).
        case conditional = "CO_DIEU_KIEN"
    }

    /// `MaTTHC`.
    public var code: String
    /// `TenTTHC`.
    public var name: String
    /// `TenLinhVuc`.
    public var fieldName: String
    /// `CapThucHien`: the administrative level.
    public var level: String
    /// `ThoiHanGiaiQuyet`: time limit as text ("3 ngày làm việc").
    public var timeLimit: String
    /// `LePhi`: typical fee in VND; `nil` when set locally.
    public var typicalFee: Int64?
    /// `KetQua`: the result paper.
    public var result: String
    /// `TraQuaKiosk`.
    public var kioskReturn: KioskReturn
    /// `KichThuocO`: the usual slot size.
    public var slotSize: OneStopSlotSize

    /// A procedure.
    public init(
        code: String, name: String, fieldName: String, level: String, timeLimit: String, typicalFee: Int64?,
        result: String, kioskReturn: KioskReturn, slotSize: OneStopSlotSize
    ) {
        self.code = code
        self.name = name
        self.fieldName = fieldName
        self.level = level
        self.timeLimit = timeLimit
        self.typicalFee = typicalFee
        self.result = result
        self.kioskReturn = kioskReturn
        self.slotSize = slotSize
    }

    enum CodingKeys: String, CodingKey {
        case code = "MaTTHC"
        case name = "TenTTHC"
        case fieldName = "TenLinhVuc"
        case level = "CapThucHien"
        case timeLimit = "ThoiHanGiaiQuyet"
        case typicalFee = "LePhi"
        case result = "KetQua"
        case kioskReturn = "TraQuaKiosk"
        case slotSize = "KichThuocO"
    }
}
