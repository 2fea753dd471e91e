import Foundation
import GRDB
import KioskDomain
import OneStopWire

extension OneStopBackend {
    /// Consumes a batch in sequence order per the contract: duplicates acknowledged with their
    /// first outcome, the next number applied (or refused for good), a gap refused as retryable.
    /// The whole batch is one transaction.
    /// - Throws: `OneStopProblem` 403 `forbidden` when the batch names another kiosk than the path,
    ///   413 `body-too-large` when it has more than 100 events.
    public func receive(kiosk: String, batch: OneStopEventBatch) async throws -> OneStopEventBatchResult {
        guard batch.kioskID == kiosk else {
            throw OneStopProblem(
                code: .forbidden, title: "Wrong kiosk", status: 403,
                detail: "MaKiosk \(batch.kioskID) in the body differs from \(kiosk) in the path")
        }
        guard batch.events.count <= OneStopEventBatch.maximumCount else {
            throw OneStopProblem(
                code: .bodyTooLarge, title: "Too many events", status: 413,
                detail: "\(batch.events.count) events; at most \(OneStopEventBatch.maximumCount) per batch")
        }
        let receivedAt = now()
        let events = batch.events.enumerated().sorted { ($0.element.seq, $0.offset) < ($1.element.seq, $1.offset) }.map(\.element)
        return try await database.queue.write { db in
            var last = try Self.lastSeq(kiosk, db)
            var result = OneStopEventBatchResult(accepted: [], rejected: [], lastConsumedSeq: last)
            var gap = false
            for event in events {
                func reject(_ reason: OneStopRejectedEvent.Reason, _ detail: String, retryable: Bool = false) {
                    result.rejected.append(OneStopRejectedEvent(
                        id: event.id, seq: event.seq, reason: reason, retryable: retryable, detail: detail))
                }
                if let logged = try Row.fetchOne(
                    db, sql: "SELECT kiosk_id, seq, outcome, detail FROM event_log WHERE event_id = ?",
                    arguments: [event.id.uuidString.lowercased()]) {
                    if logged["kiosk_id"] == kiosk, logged["seq"] == event.seq {
                        let outcome: String = logged["outcome"]
                        if let reason = OneStopRejectedEvent.Reason(rawValue: outcome) {
                            reject(reason, logged["detail"])
                        } else {
                            result.accepted.append(event.id)
                        }
                    } else {
                        reject(.sequenceConflict, "event id already consumed under another kiosk or sequence number")
                    }
                    continue
                }
                if event.seq <= last {
                    reject(.sequenceConflict, "sequence number \(event.seq) was consumed by another event")
                    continue
                }
                if gap || event.seq > last + 1 {
                    gap = true
                    reject(.sequenceGap, "expected sequence number \(last + 1); resend from there", retryable: true)
                    continue
                }
                let outcome = try apply(event, kiosk: kiosk, receivedAt: receivedAt, db)
                let details = String(decoding: try OneStopJSON.encode(event.details), as: UTF8.self)
                try db.execute(
                    sql: """
                        INSERT INTO event_log (kiosk_id, seq, event_id, kind, dossier_code, occurred_at, received_at,
                            outcome, detail, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        kiosk, event.seq, event.id.uuidString.lowercased(), event.kind.rawValue, event.dossierCode,
                        OneStopDateFormat.string(from: event.occurredAt), OneStopDateFormat.string(from: receivedAt),
                        outcome?.reason.rawValue ?? "accepted", outcome?.detail ?? "applied", details,
                    ])
                last = event.seq
                try db.execute(
                    sql: """
                        INSERT INTO kiosk_sequence (kiosk_id, last_seq) VALUES (?, ?)
                        ON CONFLICT (kiosk_id) DO UPDATE SET last_seq = excluded.last_seq
                        """, arguments: [kiosk, last])
                if let outcome {
                    reject(outcome.reason, outcome.detail)
                } else {
                    result.accepted.append(event.id)
                }
            }
            result.lastConsumedSeq = last
            return result
        }
    }

    /// A permanent refusal of a consumed event.
    struct Refusal {
        var reason: OneStopRejectedEvent.Reason
        var detail: String
    }

    /// Applies one consumed event; `nil` when applied, a refusal otherwise.
    private func apply(_ event: OneStopEvent, kiosk: String, receivedAt: Date, _ db: Database) throws -> Refusal? {
        guard !event.kind.requiresDossierCode || event.dossierCode != nil else {
            return Refusal(reason: .invalidDetails, detail: "\(event.kind.rawValue) needs MaHoSo")
        }
        let code = event.dossierCode?.trimmingCharacters(in: .whitespaces).uppercased() ?? ""
        if event.kind == .dossierHandedIn {
            return try handIn(event, code: code, db)
        }
        guard event.kind.requiresDossierCode else { return nil }
        guard let row = try Row.fetchOne(db, sql: Self.dossierSelect + " WHERE d.code = ?", arguments: [code]) else {
            return Refusal(reason: .unknownDossier, detail: "no dossier \(code)")
        }
        switch event.kind {
        case .resultLoaded:
            guard let details = try? event.details(as: OneStopResultLoaded.self) else {
                return Refusal(reason: .invalidDetails, detail: "NAP_KET_QUA needs DuLieu {MaO, KichThuocO}")
            }
            guard row["feed_state"] == "live" else {
                return Refusal(reason: .wrongState, detail: "dossier \(code) is not to be returned through a kiosk")
            }
            try issuePickupCode(code: code, phone: row["phone"], slot: details.slot, deadline: details.pickupDeadline, db)
        case .resultHandedOut:
            guard let details = try? event.details(as: OneStopResultHandedOut.self) else {
                return Refusal(reason: .invalidDetails, detail: "TRA_KET_QUA needs DuLieu {MaO, PhuongThucXacThuc}")
            }
            guard row["status"] == 9 else {
                return Refusal(reason: .wrongState, detail: "dossier \(code) is in status \(row["status"] as Int), not 9")
            }
            try db.execute(
                sql: "UPDATE dossier SET status = 10, returned_at = ?, handover_note = ?, pickup_hash = NULL WHERE code = ?",
                arguments: [OneStopDateFormat.string(from: event.occurredAt), details.handOverNote ?? "Trả qua ATM \(kiosk), ô \(details.slot)", code])
            try database.refreshFeed(code: code, db)
            try sendSMS(phone: row["phone"], code: code, text: SMSText.handedOut(code: code, at: event.occurredAt, configuration), db)
        case .resultRecalled:
            try db.execute(sql: "UPDATE dossier SET slot = NULL, pickup_hash = NULL, pickup_deadline = NULL WHERE code = ?", arguments: [code])
            try database.refreshFeed(code: code, tombstoneReason: "CHUYEN_QUAY", db)
        default:
            break
        }
        return nil
    }

    /// `NOP_HO_SO`: a new dossier in status 1 under the receipt's provisional code.
    private func handIn(_ event: OneStopEvent, code: String, _ db: Database) throws -> Refusal? {
        guard let details = try? event.details(as: OneStopDossierHandedIn.self) else {
            return Refusal(reason: .invalidDetails, detail: "NOP_HO_SO needs DuLieu {MaTTHC, ChuHoSo, SoDienThoai, MaO}")
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dossier WHERE code = ?", arguments: [code]) != true else {
            return Refusal(reason: .wrongState, detail: "dossier \(code) already exists")
        }
        let lastFour = details.ownerIDLastFour ?? ""
        let at = OneStopDateFormat.string(from: event.occurredAt)
        try db.execute(
            sql: """
                INSERT INTO dossier (code, procedure_code, owner_name, owner_id_masked, owner_id_last4, phone,
                    received_at, appointment_at, status, fee_amount, fee_due, fee_timing, slot)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0, 'MIEN', ?)
                """,
            arguments: [
                code, details.procedureCode, details.ownerName, "********" + lastFour, lastFour, details.phoneNumber,
                at, at, details.slot,
            ])
        return nil
    }

    /// Draws a 6-digit code, stores only its slow hash and "sends" the SMS of DOMAIN §6.
    private func issuePickupCode(code: String, phone: String, slot: String, deadline: Date?, _ db: Database) throws {
        let iterations = configuration.hashIterations
        let (pickupCode, hash) = try random.with { generator in
            let pickupCode = PickupCode.random(using: &generator)
            return (pickupCode, try pickupCode.hashed(iterations: iterations, using: &generator))
        }
        let until = deadline ?? SMSText.endOfDay(after: configuration.holdingDays, from: now())
        try db.execute(
            sql: "UPDATE dossier SET slot = ?, pickup_hash = ?, pickup_deadline = ? WHERE code = ?",
            arguments: [slot, hash.encoded, OneStopDateFormat.string(from: until), code])
        try database.refreshFeed(code: code, db)
        try sendSMS(
            phone: phone, code: code,
            text: SMSText.resultReady(code: code, pickupCode: pickupCode.digits, deadline: until, configuration), db)
    }

    /// Appends to the SMS log (the simulator's stand-in for an SMS gateway).
    func sendSMS(phone: String, code: String, text: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO sms (phone, dossier_code, text, sent_at) VALUES (?, ?, ?, ?)",
            arguments: [phone, code, text, OneStopDateFormat.string(from: now())])
        logger.info("sms sent", metadata: ["dossier.code": "\(code)"])
    }
}
