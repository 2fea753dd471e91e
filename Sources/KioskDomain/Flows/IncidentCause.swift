/// What went wrong at a slot in a way that needs staff (`SU_CO`). Raw values are stored.
public enum IncidentCause: String, CaseIterable, Sendable, Codable {
    /// The door stayed open past the door timer (remind at 30 s, alarm at 60 s).
    case doorLeftOpen = "CUA_MO_QUA_LAU"
    /// The door opened without a command.
    case doorForced = "CUA_MO_BAT_THUONG"
    /// Door and item sensors disagree with what the kiosk recorded.
    case sensorDisagreement = "CAM_BIEN_SAI_LECH"
    /// Power was lost while a door operation was in flight.
    case powerLoss = "MAT_DIEN"
    /// The lock board stopped answering for this slot.
    case boardNotAnswering = "BO_KHOA_KHONG_PHAN_HOI"
}
