/// The result of a call a citizen is waiting for at the screen. Always returns within the
/// client's citizen time bound; the screen turns each case into a Vietnamese sentence.
public enum CitizenCallOutcome<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The backend answered.
    case answered(Value)
    /// The backend does not know the dossier or payment, or the secret does not match.
    case notFound
    /// The backend could not be reached in time (transport, time-out, 5xx, malformed answer):
    /// "Hệ thống tạm thời không kết nối được, vui lòng thử lại sau."
    case unreachable
    /// The backend refused the request (any other 4xx); `reason` is for the log.
    case refused(reason: String)

    /// Maps a client result: 404 becomes `notFound`, transient failures `unreachable`.
    static func from(_ result: Result<Value, BackendFailure>) -> CitizenCallOutcome<Value> {
        switch result {
        case .success(let value): return .answered(value)
        case .failure(.status(404, _)): return .notFound
        case .failure(let failure) where failure.isTransient: return .unreachable
        case .failure(let failure): return .refused(reason: failure.description)
        }
    }
}
