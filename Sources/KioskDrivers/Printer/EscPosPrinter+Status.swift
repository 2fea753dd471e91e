import DeviceProtocols
import KioskHAL

/// What one status read found.
enum EscPosStatusReading: Sendable, Equatable {
    /// All four replies arrived and are valid.
    case condition(PrinterCondition)
    /// No complete, valid set of replies within the bound (detail for logs).
    case noReply(String)
    /// The stream is gone.
    case disconnected(String)
}

extension EscPosPrinter {
    /// Reads the printer's condition: optionally drops stale input, sends `10 04 1…4` in one
    /// write and reads `strays` stray replies plus the four answers within `timeout`; every
    /// byte must have the `0xx1xx10` reply pattern and the last four are the answers. With
    /// `recover`, a printer that reports itself offline with no cause (it stopped on a fault
    /// that has since been set right) gets `1B 40` and is read once more.
    /// - Throws: `CancellationError` only.
    func readCondition(
        on stream: any ByteStream, timeout: Duration, strays: Int = 0, drain: Bool = true, recover: Bool = false
    ) async throws -> EscPosStatusReading {
        let first = try await query(stream, timeout: timeout, strays: strays, drain: drain)
        guard recover, case let .condition(condition) = first, EscPosPrinterState.isStoppedWithoutCause(condition) else {
            return first
        }
        do {
            try await stream.write(EscPosCommand.initialize.bytes, timeout: timeout)
        } catch let error as HALError {
            return error.kind == .disconnected ? .disconnected(error.detail) : .noReply(error.detail)
        }
        return try await query(stream, timeout: timeout, strays: 0, drain: true)
    }

    /// One query round; see `readCondition`.
    private func query(_ stream: any ByteStream, timeout: Duration, strays: Int, drain: Bool) async throws -> EscPosStatusReading {
        let deadline = now() + timeout
        let needed = strays + EscPosStatusQueries.replyCount
        var replies: [UInt8] = []
        do {
            if drain { try await stream.discardInput() }
            try await stream.write(EscPosStatusQueries.bytes, timeout: timeout)
            while replies.count < needed {
                let left = remaining(until: deadline)
                guard left > .zero else {
                    return .noReply("\(replies.count) of \(needed) status replies within \(timeout)")
                }
                replies += try await stream.read(maxCount: needed - replies.count, timeout: left)
            }
        } catch let error as HALError {
            switch error.kind {
            case .disconnected:
                return .disconnected(error.detail)
            case .timedOut:
                return .noReply("\(replies.count) of \(needed) status replies within \(timeout): \(error.detail)")
            default:
                return .noReply(error.detail)
            }
        }
        if let bad = replies.first(where: { !EscPosStatus.hasReplyPattern($0) }) {
            return .noReply("status reply 0x\(String(bad, radix: 16)) lacks the 0xx1xx10 pattern")
        }
        do throws(EscPosStatusError) {
            return .condition(try PrinterCondition(replyBytes: Array(replies.suffix(EscPosStatusQueries.replyCount))))
        } catch {
            return .noReply(error.description)
        }
    }

    /// Reads status while no job runs and publishes what changed; gives up the stream when it
    /// is gone. Does nothing while a job or another read holds the stream.
    func pollIdle() async {
        guard !jobActive, !linkHeld, link != nil else { return }
        await acquireLink()
        defer { releaseLink() }
        // The stream may have been dropped while waiting.
        guard let stream = link else { return }
        let reading: EscPosStatusReading
        do {
            reading = try await readCondition(on: stream, timeout: configuration.statusTimeout, recover: true)
        } catch {
            return
        }
        await apply(reading)
    }

    /// Publishes what `reading` changed, or gives up the stream when it is gone.
    func apply(_ reading: EscPosStatusReading) async {
        switch reading {
        case let .condition(condition):
            publish(state.observe(condition))
        case .noReply:
            publish(state.observeNoReply())
        case .disconnected:
            await dropLink(.unplugged)
        }
    }
}
