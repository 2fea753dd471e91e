/// What a person logged in at the kiosk may do.
public enum StaffRole: String, CaseIterable, Sendable, Codable {
    /// One-stop officer: load, recall, collect, resolve incidents.
    case staff
    /// Technician: hardware diagnostics, slot blocking, logs and counters.
    case technician
    /// Administrator: staff directory, configuration.
    case admin
}
