/// One device's health in a heartbeat (`TinhTrangThietBi`).
public struct OneStopDeviceHealth: Codable, Sendable, Equatable {
    /// XFS4IoT-style device state (`TrangThai`).
    public enum State: String, Codable, Sendable, CaseIterable {
        /// Starting up.
        case starting
        /// Working.
        case online
        /// Not answering.
        case offline
        /// Unplugged or without power.
        case powerOff
        /// Not installed.
        case noDevice
        /// A hardware fault.
        case hardwareError
        /// Needs a person (paper out, cover open).
        case userError
        /// Busy with an operation.
        case busy
        /// Not known.
        case unknown
    }

    /// `MaThietBi`.
    public var deviceID: String
    /// `LoaiThietBi`: `lockerBank`, `receiptPrinter`, `codeScanner`…
    public var deviceClass: String
    /// `TrangThai`.
    public var state: State
    /// `ChiTiet`: English detail ("paper low").
    public var detail: String?

    /// A device's health.
    public init(deviceID: String, deviceClass: String, state: State, detail: String? = nil) {
        self.deviceID = deviceID
        self.deviceClass = deviceClass
        self.state = state
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case deviceID = "MaThietBi"
        case deviceClass = "LoaiThietBi"
        case state = "TrangThai"
        case detail = "ChiTiet"
    }
}
