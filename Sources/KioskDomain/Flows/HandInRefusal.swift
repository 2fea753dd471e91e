/// Why a drop refused an event; the drop is left unchanged.
public enum HandInRefusal: Error, Hashable, Sendable {
    /// This kind of event is not allowed in this state (e.g. cancelling while the door is open:
    /// the door outcome decides).
    case notAllowed(state: HandInState, event: HandInEvent.Kind)
}
