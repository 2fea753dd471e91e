/// The state of one device, after the ATM standard XFS4IoT's common status.
public enum DeviceStatus: String, Sendable, Equatable, CaseIterable, Codable {
    /// Initialising; not yet usable.
    case starting
    /// Working.
    case online
    /// Present but not answering.
    case offline
    /// Unplugged or without power.
    case powerOff
    /// Not found where configured.
    case noDevice
    /// A fault a technician must fix (jammed lock, cutter error).
    case hardwareError
    /// A condition staff can fix (paper out, cover open, door left open).
    case userError
    /// Working on a command; try again shortly.
    case busy
    /// Not known yet or no longer known.
    case unknown
}
