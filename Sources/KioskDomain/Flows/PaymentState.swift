/// The state of a payment request (`YeuCauThanhToan.TrangThai`). Raw values mirror the
/// provincial systems' names.
public enum PaymentState: String, CaseIterable, Sendable, Codable {
    /// Created, nothing shown yet (`CHUA_THANH_TOAN`).
    case unpaid = "CHUA_THANH_TOAN"
    /// QR shown, waiting for the backend's confirmation (`CHO_THANH_TOAN`).
    case awaitingConfirmation = "CHO_THANH_TOAN"
    /// Confirmed by the backend (`DA_THANH_TOAN`).
    case paid = "DA_THANH_TOAN"
    /// Expired or cancelled (`HUY`).
    case cancelled = "HUY"
    /// Refunded after payment (`DA_HOAN_PHI`).
    case refunded = "DA_HOAN_PHI"
}
