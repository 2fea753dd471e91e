import Foundation
import KioskHAL

/// What the health route learns about the receipt printer: the driver's status plus the last
/// event the service saw.
public struct PrinterHealthSnapshot: Sendable, Equatable {
    /// The configured device id, e.g. `printer0`.
    public var id: String
    /// The driver's last known status.
    public var status: ReceiptPrinterStatus
    /// The last event the printer reported, and when; `nil` before the first.
    public var lastEvent: (event: ReceiptPrinterEvent, at: Date)?

    /// A snapshot.
    public init(id: String, status: ReceiptPrinterStatus, lastEvent: (event: ReceiptPrinterEvent, at: Date)?) {
        self.id = id
        self.status = status
        self.lastEvent = lastEvent
    }

    /// Equal when the id, the status and the last event (kind and time) are.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.id == rhs.id && lhs.status == rhs.status && lhs.lastEvent?.event == rhs.lastEvent?.event
            && lhs.lastEvent?.at == rhs.lastEvent?.at
    }
}

/// What the health route learns about the code scanner. Never the scanned text: it is
/// personal data (CCCD QR codes carry names and ID numbers).
public struct ScannerHealthSnapshot: Sendable, Equatable {
    /// The configured device id, e.g. `scanner0`.
    public var id: String
    /// The driver's last known status.
    public var status: ScannerStatus
    /// When the last scan was delivered; `nil` before the first.
    public var lastScanAt: Date?

    /// A snapshot.
    public init(id: String, status: ScannerStatus, lastScanAt: Date?) {
        self.id = id
        self.status = status
        self.lastScanAt = lastScanAt
    }
}

/// Something that can say how the receipt printer is; never waits on the device.
public protocol PrinterHealthSource: Sendable {
    /// The current snapshot.
    func printerHealth() async -> PrinterHealthSnapshot
}

/// Something that can say how the code scanner is; never waits on the device.
public protocol ScannerHealthSource: Sendable {
    /// The current snapshot.
    func scannerHealth() async -> ScannerHealthSnapshot
}
