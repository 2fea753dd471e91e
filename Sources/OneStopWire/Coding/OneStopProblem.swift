/// An error body (RFC 9457 problem details) with a stable machine `code`.
public struct OneStopProblem: Codable, Sendable, Equatable, Error {
    /// The stable codes of this contract version.
    public enum Code: String, Codable, Sendable, CaseIterable {
        /// 401: no or unknown bearer token.
        case unauthorized
        /// 403: the token or the batch belongs to another kiosk.
        case forbidden
        /// 400: malformed body or parameter.
        case badRequest = "bad-request"
        /// 400: a manifest cursor the backend did not issue; start over without one.
        case cursorInvalid = "cursor-invalid"
        /// 413: body over 1 MiB or more than 100 events.
        case bodyTooLarge = "body-too-large"
        /// 404: unknown dossier (or wrong ID digits).
        case dossierNotFound = "dossier-not-found"
        /// 404: unknown payment request.
        case paymentNotFound = "payment-not-found"
        /// 409: the dossier owes nothing.
        case nothingDue = "nothing-due"
        /// 500: the backend failed; the change may or may not have happened.
        case internalError = "internal-error"
        /// 503: temporarily unavailable.
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
