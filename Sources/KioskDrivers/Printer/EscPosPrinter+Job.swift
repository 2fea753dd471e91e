import DeviceProtocols
import KioskHAL

extension EscPosPrinter {
    /// Prints `job` within `bound`: refuses a job wider than the paper (`.tooWide`, nothing
    /// sent); reads status and sends nothing unless the printer is ready; sends the job in
    /// chunks of `writeChunkSize`, each within `writeTimeout` and the time left; then reads
    /// status again, which the printer answers only after processing the job, and reports
    /// `.printed` only when that reply shows a ready printer.
    ///
    /// Not printed: `.paperOut`/`.coverOpen`/`.cutterError`/`.offline` found before sending;
    /// `.paperRanOutDuringJob`/`.coverOpen`/`.cutterError`/`.offline` found after it; `.timedOut`
    /// when the printer stopped taking bytes or did not answer after the job within `bound`
    /// (the stream is then reopened, since the printer may be inside image data); `.unplugged`
    /// when the stream broke during the job.
    /// - Throws: `HALError(.busy)` while another job runs; `HALError(.disconnected)` when no
    ///   stream is open (unplugged, or `run()` not started); `HALError(.unsupported)` for a
    ///   strip height outside 1...65 535 in the configuration; `CancellationError`.
    public func print(_ job: ReceiptPrintJob, bound: Duration) async throws -> ReceiptPrintOutcome {
        try Task.checkCancellation()
        guard !jobActive else {
            throw HALError(.busy, device: name, detail: "another receipt is being printed")
        }
        jobActive = true
        defer { jobActive = false }
        let deadline = now() + bound
        if let reason = state.refusal(of: job) { return .notPrinted(reason) }
        let plan: EscPosJobPlan
        do throws(EscPosJobError) {
            plan = try EscPosJobPlan(
                job: job, capabilities: capabilities, alignment: configuration.alignment,
                maxStripRows: configuration.maxStripRows)
        } catch {
            throw HALError(.unsupported, device: name, detail: "job \(job.id): \(error)")
        }
        await acquireLink()
        defer { releaseLink() }
        guard let stream = link else {
            throw HALError(.disconnected, device: name, detail: "printer stream not open")
        }

        let before = try await readCondition(
            on: stream, timeout: min(configuration.statusTimeout, remaining(until: deadline)), recover: true)
        switch before {
        case let .condition(condition):
            publish(state.observe(condition))
            if let reason = state.preflight(condition) { return .notPrinted(reason) }
        case .noReply:
            publish(state.observeNoReply())
            return .notPrinted(.offline)
        case .disconnected:
            await dropLink(.unplugged)
            return .notPrinted(.unplugged)
        }

        if let failure = try await send(plan.bytes, on: stream, until: deadline) {
            return .notPrinted(failure)
        }

        let after = try await readCondition(
            on: stream, timeout: remaining(until: deadline), strays: plan.strayStatusReplies, drain: false)
        switch after {
        case let .condition(condition):
            publish(state.observe(condition))
            return state.outcome(after: condition)
        case .noReply:
            await dropLink(.outOfStep)
            return .notPrinted(.timedOut)
        case .disconnected:
            await dropLink(.unplugged)
            return .notPrinted(.unplugged)
        }
    }

    /// Writes `bytes` in chunks, each within `writeTimeout` and the time left before
    /// `deadline`; returns `nil` when all went out, else why the job failed (the stream is
    /// given up then). A slow printer is fine as long as every chunk goes out in time.
    /// - Throws: `CancellationError` (the stream is given up first: the printer is mid-job).
    func send(_ bytes: [UInt8], on stream: any ByteStream, until deadline: Duration) async throws -> ReceiptNotPrintedReason? {
        let chunkSize = max(1, configuration.writeChunkSize)
        var offset = 0
        while offset < bytes.count {
            let left = remaining(until: deadline)
            let end = min(offset + chunkSize, bytes.count)
            do {
                guard left > .zero else {
                    throw HALError(.timedOut, device: name, detail: "job bound passed after \(offset) of \(bytes.count) bytes")
                }
                try Task.checkCancellation()
                try await stream.write(Array(bytes[offset..<end]), timeout: min(configuration.writeTimeout, left))
            } catch let error as HALError where error.kind == .disconnected {
                await dropLink(.unplugged)
                return .unplugged
            } catch is HALError {
                await dropLink(.outOfStep)
                return .timedOut
            } catch {
                await dropLink(.outOfStep)
                throw error
            }
            offset = end
        }
        return nil
    }
}
