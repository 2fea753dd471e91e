/// A device failure with a small stable `kind` that callers branch on, the device it concerns,
/// and a precise detail for technicians.
public struct HALError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure; stable across drivers.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The device or its port went away.
        case disconnected
        /// No answer within the time bound.
        case timedOut
        /// Another operation holds the device.
        case busy
        /// A mechanism failed (lock did not release, cutter jammed).
        case mechanical
        /// Paper or another consumable ran out.
        case outOfSupplies
        /// The device answered with bytes the protocol does not allow.
        case protocolViolation
        /// The device or port cannot do what was asked.
        case unsupported
    }

    /// What kind of failure.
    public let kind: Kind
    /// Which device: a configured id such as `lockbus0` or `printer0`.
    public let device: String
    /// Precise detail for technicians (errno text, bytes seen, bound exceeded).
    public let detail: String

    /// A device failure.
    public init(_ kind: Kind, device: String, detail: String) {
        self.kind = kind
        self.device = device
        self.detail = detail
    }

    public var description: String { "\(device): \(kind.rawValue): \(detail)" }
}
