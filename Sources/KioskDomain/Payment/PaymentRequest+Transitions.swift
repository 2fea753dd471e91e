import Foundation

/// The payment state machine: `unpaid → awaitingConfirmation → paid | cancelled`,
/// `paid → refunded`.
///
/// Allowed (state, event) pairs, everything else is refused:
/// - `unpaid`: qrShown → awaitingConfirmation; expired / cancelled → cancelled.
/// - `awaitingConfirmation`: confirmedByBackend (exact amount) → paid; expired / cancelled →
///   cancelled.
/// - `paid`: refunded → refunded.
/// - `cancelled`, `refunded`: nothing.
extension PaymentRequest {
    /// Applies `event` and returns what the shell must do (a journal entry).
    /// - Throws: `PaymentRefusal` naming why the event is not allowed; the request is then
    ///   unchanged.
    public mutating func handle(_ event: PaymentEvent) throws(PaymentRefusal) -> [FlowAction] {
        var next = self
        let actions = try next.apply(event)
        self = next
        return actions
    }

    private mutating func apply(_ event: PaymentEvent) throws(PaymentRefusal) -> [FlowAction] {
        let refusal = PaymentRefusal.notAllowed(state: state, event: event.kind)
        let journal = FlowAction.journal(kind: "payment." + event.kind.rawValue, subject: reference)
        switch (state, event) {
        case (.unpaid, .qrShown(let at)):
            guard at < expiresAt else { throw .alreadyExpired(expiresAt: expiresAt) }
            state = .awaitingConfirmation

        case (.awaitingConfirmation, .confirmedByBackend(let paid, let at)):
            guard paid == amount else { throw .amountMismatch(expected: amount, received: paid) }
            state = .paid
            paidAt = at

        case (.unpaid, .expired(let at)), (.awaitingConfirmation, .expired(let at)):
            guard at >= expiresAt else { throw .notYetExpired(expiresAt: expiresAt) }
            state = .cancelled

        case (.unpaid, .cancelled), (.awaitingConfirmation, .cancelled):
            state = .cancelled

        case (.paid, .refunded(let at)):
            state = .refunded
            refundedAt = at

        default:
            throw refusal
        }
        return [journal]
    }
}
