import KioskHAL

/// The one-byte answer to the printer class `GET_PORT_STATUS` request, in the bit layout of an
/// IEEE 1284 status port (Linux `lp.h`): `0x20` paper empty, `0x10` selected (on-line),
/// `0x08` not-error (active low error line). Other bits are reserved and ignored.
public struct USBPrinterPortStatus: Hashable, Sendable, CustomStringConvertible {
    /// What the bits mean together.
    public enum Condition: String, Hashable, Sendable {
        /// Selected, no error, paper present.
        case ready
        /// Paper empty.
        case paperOut
        /// Not selected: paused, cover open or off-line.
        case offline
        /// Error line asserted while selected and with paper.
        case error
    }

    /// Bit for paper empty.
    public static let paperEmptyBit: UInt8 = 0x20
    /// Bit for selected / on-line.
    public static let selectedBit: UInt8 = 0x10
    /// Bit for not-error (1 = no error).
    public static let notErrorBit: UInt8 = 0x08

    /// The byte as received.
    public let raw: UInt8

    /// Decodes a status byte.
    public init(raw: UInt8) { self.raw = raw }

    /// Decodes the data stage of the request; `nil` unless exactly one byte came back.
    public init?(reply: [UInt8]) {
        guard reply.count == 1 else { return nil }
        raw = reply[0]
    }

    /// Bit 5: paper empty.
    public var isPaperEmpty: Bool { raw & Self.paperEmptyBit != 0 }
    /// Bit 4: selected (on-line).
    public var isSelected: Bool { raw & Self.selectedBit != 0 }
    /// Bit 3 set means no error.
    public var hasError: Bool { raw & Self.notErrorBit == 0 }

    /// The condition, paper first (an explicit paper bit is the most useful fact), then
    /// off-line, then a bare error. usblp checks the error line first and ignores paper while
    /// it is clear; cheap printers set paper empty without asserting error, so this does not.
    public var condition: Condition {
        if isPaperEmpty { return .paperOut }
        if !isSelected { return .offline }
        if hasError { return .error }
        return .ready
    }

    /// `0x18 (selected, no error)`-style text for details.
    public var description: String {
        var flags: [String] = []
        if isPaperEmpty { flags.append("paper empty") }
        flags.append(isSelected ? "selected" : "not selected")
        flags.append(hasError ? "error" : "no error")
        return "\(USBHex.byte(raw)) (\(flags.joined(separator: ", ")))"
    }

    /// The failure a stalled pipe with this status stands for: paper out → `.outOfSupplies`,
    /// off-line or error → `.mechanical`, ready → `.protocolViolation` (the printer refused the
    /// data though it reports nothing wrong).
    public func stallError(device: String, endpoint: String) -> HALError {
        switch condition {
        case .paperOut:
            HALError(.outOfSupplies, device: device, detail: "endpoint \(endpoint) stalled: printer reports paper empty, port status \(self)")
        case .offline:
            HALError(.mechanical, device: device, detail: "endpoint \(endpoint) stalled: printer off-line (cover open or paused), port status \(self)")
        case .error:
            HALError(.mechanical, device: device, detail: "endpoint \(endpoint) stalled: printer reports an error, port status \(self)")
        case .ready:
            HALError(.protocolViolation, device: device, detail: "endpoint \(endpoint) stalled though the printer reports ready, port status \(self)")
        }
    }
}
