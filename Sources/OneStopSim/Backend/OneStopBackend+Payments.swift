import Foundation
import GRDB
import KioskDomain
import OneStopWire

extension OneStopBackend {
    /// Creates a VietQR payment for everything still due on a dossier, or returns the one still waiting.
    /// - Returns: the request and whether it is new.
    /// - Throws: `OneStopProblem` `dossier-not-found` (404) or `nothing-due` (409).
    public func createPayment(kiosk: String, _ order: OneStopPaymentOrder) async throws -> (OneStopPayment, created: Bool) {
        let code = order.dossierCode.trimmingCharacters(in: .whitespaces).uppercased()
        let current = now()
        let configuration = configuration
        return try await database.queue.write { db in
            guard let feeDue = try Int64.fetchOne(db, sql: "SELECT fee_due FROM dossier WHERE code = ?", arguments: [code]) else {
                throw OneStopProblem(code: .dossierNotFound, title: "No such dossier", status: 404, detail: "no dossier \(code)")
            }
            try Self.expireWaiting(now: current, db)
            if let row = try Row.fetchOne(
                db, sql: "SELECT * FROM payment WHERE dossier_code = ? AND state = 'CHO_THANH_TOAN'", arguments: [code]) {
                return (try Self.payment(row), false)
            }
            guard feeDue > 0 else {
                throw OneStopProblem(code: .nothingDue, title: "Nothing due", status: 409, detail: "dossier \(code) owes nothing")
            }
            let number = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment") ?? 0) + 1
            let day = SMSText.vietnamCalendar.dateComponents([.year, .month, .day], from: current)
            let stamp = String(format: "%02d%02d%02d", (day.year ?? 0) % 100, day.month ?? 0, day.day ?? 0)
            let id = "TT\(stamp)\(String(format: "%04d", number))"
            let purpose = try VietQRPurpose(truncating: "LEPHI \(stamp) \(String(format: "%04d", number)) \(kiosk)")
            let qr = try VietQRPayload(
                bankBIN: configuration.bankBIN, accountNumber: configuration.bankAccount, amount: feeDue, purpose: purpose)
            let expires = current.addingTimeInterval(Double(configuration.paymentValiditySeconds))
            try db.execute(
                sql: """
                    INSERT INTO payment (id, dossier_code, amount, qr, reference, expires_at, state, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'CHO_THANH_TOAN', ?)
                    """,
                arguments: [
                    id, code, feeDue, qr.encoded, purpose.text, OneStopDateFormat.string(from: expires),
                    OneStopDateFormat.string(from: current),
                ])
            return (
                OneStopPayment(
                    id: id, dossierCode: code, amount: feeDue, qrPayload: qr.encoded, reference: purpose.text,
                    expiresAt: expires, state: .waiting), true
            )
        }
    }

    /// A payment request; with `wait` > 0 seconds, answers as soon as it leaves `CHO_THANH_TOAN`
    /// or when `wait` has passed.
    /// - Throws: `OneStopProblem` `payment-not-found`.
    public func payment(id: String, wait: Duration = .zero) async throws -> OneStopPayment {
        let first = try await readPayment(id: id)
        guard first.state == .waiting, wait > .zero else { return first }
        let deadline = min(wait, .seconds(max(0, first.expiresAt.timeIntervalSince(now())) + 0.5))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.paymentWaiters.wait(for: id) }
            group.addTask { try? await Task.sleep(for: deadline) }
            await group.next()
            group.cancelAll()
        }
        return try await readPayment(id: id)
    }

    private func readPayment(id: String) async throws -> OneStopPayment {
        let current = now()
        return try await database.queue.write { db in
            try Self.expireWaiting(now: current, db)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM payment WHERE id = ?", arguments: [id]) else {
                throw OneStopProblem(code: .paymentNotFound, title: "No such payment request", status: 404, detail: "no payment \(id)")
            }
            return try Self.payment(row)
        }
    }

    /// Marks the bank's confirmation (control API): the request becomes paid and the dossier owes that much less.
    /// - Throws: `OneStopSimError.notFound`, `.conflict` when it is not waiting or has expired.
    public func confirmPayment(id: String) async throws -> OneStopPayment {
        let current = now()
        let payment = try await database.queue.write { db in
            try Self.expireWaiting(now: current, db)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM payment WHERE id = ?", arguments: [id]) else {
                throw OneStopSimError.notFound("payment \(id)")
            }
            var payment = try Self.payment(row)
            guard payment.state == .waiting else {
                throw OneStopSimError.conflict("payment \(id) is \(payment.state.rawValue), not CHO_THANH_TOAN")
            }
            payment.state = .paid
            payment.paidAt = current
            try db.execute(
                sql: "UPDATE payment SET state = 'DA_THANH_TOAN', paid_at = ? WHERE id = ?",
                arguments: [OneStopDateFormat.string(from: current), id])
            try db.execute(
                sql: "UPDATE dossier SET fee_due = max(0, fee_due - ?) WHERE code = ?",
                arguments: [payment.amount, payment.dossierCode])
            try self.database.refreshFeed(code: payment.dossierCode, db)
            return payment
        }
        paymentWaiters.notify(id)
        return payment
    }

    /// Moves waiting requests past their expiry to `HET_HAN`.
    static func expireWaiting(now: Date, _ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, expires_at FROM payment WHERE state = 'CHO_THANH_TOAN'")
        for row in rows {
            let expires = try date(row["expires_at"])
            if expires < now {
                try db.execute(sql: "UPDATE payment SET state = 'HET_HAN' WHERE id = ?", arguments: [row["id"] as String])
            }
        }
    }

    static func payment(_ row: Row) throws -> OneStopPayment {
        let paidAt: String? = row["paid_at"]
        return OneStopPayment(
            id: row["id"], dossierCode: row["dossier_code"], amount: row["amount"], qrPayload: row["qr"],
            reference: row["reference"], expiresAt: try date(row["expires_at"]),
            state: OneStopPayment.State(rawValue: row["state"]) ?? .cancelled,
            paidAt: paidAt.flatMap(OneStopDateFormat.date(from:)))
    }
}
