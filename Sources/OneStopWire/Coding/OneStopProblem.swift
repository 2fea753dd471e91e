/// An error body (RFC 9457 problem details) with a stable machine `code`.
public struct OneStopProblem: Codable, Sendable, Equatable, Error {
    /// The stable codes of this contract version.
    public enum Code: String, Codable, Sendable, CaseIterable {
        case unauthorized, forbidden
        case badRequest = "bad-request"
        case cursorInvalid = "cursor-invalid"
        case bodyTooLarge = "body-too-large"
        case dossierNotFound = "dossier-not-found"
        case paymentNotFound = "payment-not-found"
        case nothingDue = "nothing-due"
        case internalError = "internal-error"
        case unavailable
    }

    /// `type`: `urn:dossierkiosk:problem:<code>`.
    public var type: String
    /// `title`: short English summary.
    public var title: String
    /// `status`: the HTTP status, 400–599.
    public var status: Int
    /// `detail`: English explanation of this occurrence.
    public var detail: String?
    /// `instance`: the request path.
    public var instance: String?
    /// `code`: the machine code (kept as text so a newer backend's codes still decode).
    public var code: String

    /// A problem with `type` derived from `code`.
    public init(code: Code, title: String, status: Int, detail: String? = nil, instance: String? = nil) {
        self.type = "urn:dossierkiosk:problem:\(code.rawValue)"
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.code = code.rawValue
    }

    /// `code` as a known code, or `nil` for one this version does not know.
    public var knownCode: Code? { Code(rawValue: code) }
}
