import Foundation

/// The kiosk's periodic heartbeat (`POST …/nhip-tim`).
public struct OneStopHeartbeat: Codable, Sendable, Equatable {
    /// `ThoiDiemKiosk`: the kiosk's wall clock when sending.
    public var kioskTime: Date
    /// `PhienBanPhanMem`: the kiosk software version.
    public var softwareVersion: String
    /// `SoSuKienChoGui`: outbox depth (events not yet acknowledged).
    public var outboxDepth: Int
    /// `SoThuTuDaXacNhan`: last sequence number the kiosk holds as acknowledged.
    public var lastAcknowledgedSeq: Int64
    /// `ThietBi`.
    public var devices: [OneStopDeviceHealth]

    /// A heartbeat.
    public init(
        kioskTime: Date, softwareVersion: String, outboxDepth: Int, lastAcknowledgedSeq: Int64,
        devices: [OneStopDeviceHealth]
    ) {
        self.kioskTime = kioskTime
        self.softwareVersion = softwareVersion
        self.outboxDepth = outboxDepth
        self.lastAcknowledgedSeq = lastAcknowledgedSeq
        self.devices = devices
    }

    enum CodingKeys: String, CodingKey {
        case kioskTime = "ThoiDiemKiosk"
        case softwareVersion = "PhienBanPhanMem"
        case outboxDepth = "SoSuKienChoGui"
        case lastAcknowledgedSeq = "SoThuTuDaXacNhan"
        case devices = "ThietBi"
    }
}
