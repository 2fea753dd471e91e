/// A national dossier status (`TrangThaiHoSo`), 1–10, written on the wire as the strings `"1"`…`"10"`.
public struct OneStopDossierStatus: Codable, Sendable, Hashable, RawRepresentable {
    /// "9", Đã xử lý xong: ready, eligible for loading into a kiosk.
    public static let resultReady = OneStopDossierStatus(validCode: 9)
    /// "10", Đã trả kết quả: handed out.
    public static let resultReturned = OneStopDossierStatus(validCode: 10)
    /// "1", Mới đăng ký: a dossier handed in and not yet accepted.
    public static let newlyRegistered = OneStopDossierStatus(validCode: 1)

    /// The code, 1…10.
    public let code: Int

    /// The wire text, `"1"`…`"10"`.
    public var rawValue: String { String(code) }

    /// The status for a wire text; `nil` unless exactly `"1"`…`"10"` (no sign, no leading zero, no space).
    public init?(rawValue: String) {
        guard let code = Int(rawValue), (1...10).contains(code), String(code) == rawValue else { return nil }
        self.code = code
    }

    /// The status for a code; `nil` outside 1…10.
    public init?(code: Int) {
        guard (1...10).contains(code) else { return nil }
        self.code = code
    }

    private init(validCode: Int) {
        code = validCode
    }

    /// Reads `"1"`…`"10"`; anything else (a number, `"11"`, `"09"`) is `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let status = OneStopDossierStatus(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a status \"1\"…\"10\"")
        }
        self = status
    }

    /// Writes the wire text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
