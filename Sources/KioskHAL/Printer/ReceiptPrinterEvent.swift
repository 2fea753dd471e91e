/// What someone at the kiosk should do about a printer event, in Vietnamese and English.
public enum ReceiptPrinterAction: String, Sendable, Equatable, CaseIterable {
    /// Put in a new paper roll.
    case replacePaper
    /// Close the printer cover.
    case closeCover
    /// A technician is needed (cutter, electronics, cable).
    case callTechnician
    /// Nothing to do; the printer recovered.
    case none

    /// The instruction for staff in Vietnamese (NFC, full diacritics).
    public var vietnamese: String {
        switch self {
        case .replacePaper: "Thay giấy"
        case .closeCover: "Đóng nắp máy in"
        case .callTechnician: "Gọi kỹ thuật"
        case .none: "Không cần thao tác"
        }
    }

    /// The instruction for staff in English.
    public var english: String {
        switch self {
        case .replacePaper: "Replace the paper"
        case .closeCover: "Close the printer cover"
        case .callTechnician: "Call a technician"
        case .none: "No action needed"
        }
    }
}

/// Something that happened at the printer, as the hardware reported it.
public enum ReceiptPrinterEvent: String, Sendable, Equatable, CaseIterable {
    /// The near-end sensor triggered: a few metres of paper are left.
    case paperLow
    /// The paper ran out; nothing prints until the roll is replaced.
    case paperOut
    /// The cover was opened.
    case coverOpened
    /// The cover was closed.
    case coverClosed
    /// The auto-cutter failed.
    case cutterError
    /// The printer stopped answering or reports itself offline.
    case offline
    /// The printer answers and is online again.
    case online
    /// The printer's USB or network connection went away.
    case unplugged

    /// What to do about it.
    public var recommendedAction: ReceiptPrinterAction {
        switch self {
        case .paperLow, .paperOut: .replacePaper
        case .coverOpened: .closeCover
        case .cutterError, .offline, .unplugged: .callTechnician
        case .coverClosed, .online: .none
        }
    }
}
