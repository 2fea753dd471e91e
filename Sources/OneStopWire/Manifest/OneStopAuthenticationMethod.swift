/// How a citizen may prove a result is theirs (`PhuongThucXacThuc`).
public enum OneStopAuthenticationMethod: String, Codable, Sendable, CaseIterable {
    /// The QR on the receipt or in the SMS, then the pickup code.
    case receiptQRAndPickupCode = "QR_OTP"
    /// The typed dossier code, then the pickup code.
    case dossierCodeAndPickupCode = "MAHOSO_OTP"
    /// The QR on the back of the CCCD card, then the pickup code.
    case citizenIDQRAndPickupCode = "CCCD_OTP"
    /// The last 4 digits of the registered phone number, only where the procedure allows it.
    case phoneLastFour = "SDT_CUOI"
}
