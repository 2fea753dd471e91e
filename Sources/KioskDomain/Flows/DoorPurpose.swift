/// Why a slot door is being opened; decides what the door outcome means and what the journal says.
public enum DoorPurpose: String, CaseIterable, Sendable, Codable {
    /// Staff put a result in (`NAP`).
    case load = "NAP"
    /// A citizen takes a result out (`TRA`).
    case pickup = "TRA"
    /// A citizen drops papers in (`NOP`).
    case handIn = "NOP"
    /// Staff take a result back to the counter (`THU_HOI`).
    case recall = "THU_HOI"
    /// Staff collect dropped papers (`THU_GOM`).
    case collect = "THU_GOM"

    /// Whether the door opens to put something into an empty, reserved slot (load, hand-in);
    /// otherwise it opens to take something out of an occupied one.
    public var isInbound: Bool {
        switch self {
        case .load, .handIn: true
        case .pickup, .recall, .collect: false
        }
    }
}
