/// What the citizen at the screen must be told; the web edge turns each into a Vietnamese sentence
/// first and English second.
public enum CitizenNotice: Hashable, Sendable {
    /// The pickup code was wrong; `triesRemaining` (0…limit−1) tries remain before the lock.
    case wrongCode(triesRemaining: Int)
    /// Too many wrong codes: come to the counter or call the hotline.
    case lockedForStaff
    /// "Vui lòng lấy hồ sơ và đóng cửa ô số …".
    case takeResultAndCloseDoor(SlotID)
    /// Put the papers into this slot and close its door.
    case putPapersAndCloseDoor(SlotID)
    /// A fee (whole VND, > 0) must be paid before the result is released.
    case payFee(amount: Int)
    /// The door closed but the result is still inside.
    case resultStillInSlot(SlotID)
    /// The door did not open; the citizen may try again.
    case doorDidNotOpen(SlotID)
    /// The door closed but no papers were detected; `willReopen` tells whether it opens again.
    case noPapersDetected(SlotID, willReopen: Bool)
    /// Something went wrong; staff have been called.
    case staffCalled
}
