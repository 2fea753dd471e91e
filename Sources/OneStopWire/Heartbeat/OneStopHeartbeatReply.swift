import Foundation

/// The backend's answer to a heartbeat.
public struct OneStopHeartbeatReply: Codable, Sendable, Equatable {
    /// `ThoiDiemMayChu`: the backend's clock (authoritative).
    public var serverTime: Date
    /// `DoLechDongHoMs`: server time minus kiosk time, milliseconds.
    public var clockOffsetMilliseconds: Int64
    /// `SoThuTuCuoi`: the last sequence number the backend consumed for this kiosk.
    public var lastConsumedSeq: Int64
    /// `PhienBanDanhMucThuTuc`: the current catalogue version.
    public var catalogueVersion: Int64
    /// `PhienBanDanhBaCanBo`: the current staff directory version.
    public var staffDirectoryVersion: Int64

    /// A heartbeat answer.
    public init(
        serverTime: Date, clockOffsetMilliseconds: Int64, lastConsumedSeq: Int64, catalogueVersion: Int64,
        staffDirectoryVersion: Int64
    ) {
        self.serverTime = serverTime
        self.clockOffsetMilliseconds = clockOffsetMilliseconds
        self.lastConsumedSeq = lastConsumedSeq
        self.catalogueVersion = catalogueVersion
        self.staffDirectoryVersion = staffDirectoryVersion
    }

    enum CodingKeys: String, CodingKey {
        case serverTime = "ThoiDiemMayChu"
        case clockOffsetMilliseconds = "DoLechDongHoMs"
        case lastConsumedSeq = "SoThuTuCuoi"
        case catalogueVersion = "PhienBanDanhMucThuTuc"
        case staffDirectoryVersion = "PhienBanDanhBaCanBo"
    }
}
