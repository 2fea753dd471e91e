import Foundation

/// One thing an actor shell must do after a state machine accepted an event. Machines never do
/// I/O themselves; the shell performs these in order (the journal entry comes first: record the
/// intent, then act).
public enum FlowAction: Hashable, Sendable {
    /// Append a journal entry: `kind` is `<machine>.<event kind>` (e.g. `handOut.codeWrong`),
    /// `subject` the dossier code, hand-in id, slot label or payment reference.
    case journal(kind: String, subject: String)
    /// Reserve `slot` for `occupant` (drive the slot machine with `.reserve`).
    case reserveSlot(SlotID, for: SlotOccupant)
    /// Give a reservation back whose door never opened (drive the slot machine with `.release`).
    case releaseSlot(SlotID)
    /// Command the lock board to open `slot`; on confirmation drive the slot machine with
    /// `.doorOpened(purpose)`, otherwise feed the flow `unlockFailed`.
    case openSlot(SlotID, purpose: DoorPurpose)
    /// Start the door-open timer for `slot` (remind at 30 s, expire at 60 s).
    case startDoorTimer(SlotID)
    /// Cancel the door-open timer for `slot`.
    case cancelDoorTimer(SlotID)
    /// Queue an event for the one-stop backend (outbox), exactly once.
    case emit(BackendEventKind, subject: String)
    /// Print the hand-out slip (`PHIẾU TRẢ KẾT QUẢ`) for this hand-out.
    case printHandOutSlip(handOut: UUID)
    /// Print the hand-in receipt (`BIÊN NHẬN NỘP HỒ SƠ QUA ATM`) for this hand-in.
    case printHandInReceipt(handIn: UUID)
    /// Call staff.
    case notifyStaff(StaffAlert)
    /// Create a payment request for this hand-out, whole VND (> 0).
    case createPaymentRequest(handOut: UUID, amount: Int)
    /// Cancel the open payment request of this hand-out.
    case cancelPaymentRequest(handOut: UUID)
    /// Tell the citizen at the screen.
    case alertCitizen(CitizenNotice)
}
