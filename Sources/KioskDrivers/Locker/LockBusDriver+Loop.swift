import KioskHAL

// The bus loop: open the stream, serve transactions one at a time, reconnect with capped backoff.
extension LockBusDriver {
    /// Runs the bus until the task is cancelled: opens the stream, reads every board, polls
    /// round-robin, sends queued unlocks (spaced by `pulseSpacing`) and their confirmation reads,
    /// and reads pushes between transactions. When the stream fails (`.disconnected` or any other
    /// error) every slot goes offline, pending opens throw `.disconnected`, and the stream is
    /// reopened after a backoff doubling from `reconnectInitial` to `reconnectMaximum` (reset once
    /// a link carried a reply); after a reconnect every board is re-read. On return, pending
    /// opens fail with `.disconnected` and `events` finishes; call it once per driver.
    public func run() async {
        var backoff = timing.reconnectInitial
        while !Task.isCancelled {
            let stream: any ByteStream
            do {
                stream = try await opener()
            } catch {
                guard (try? await sleep(backoff)) != nil else { break }
                backoff = timing.backoff(after: backoff)
                continue
            }
            connected = true
            _ = perform(session.handle(.linkRestored))
            do {
                try await serve(stream)
            } catch {
                // Any stream failure ends this link; the loop reopens it unless cancelled.
            }
            // A link on which some board answered starts the backoff afresh; one that never
            // carried a reply keeps doubling it, so a port that opens and fails at once is not hammered.
            if session.boards.contains(where: { session.state(ofBoard: $0) == .online }) {
                backoff = timing.reconnectInitial
            }
            await stream.close()
            connected = false
            _ = perform(session.handle(.linkLost))
            guard !Task.isCancelled, (try? await sleep(backoff)) != nil else { break }
            backoff = timing.backoff(after: backoff)
        }
        for (_, entry) in waiting { entry.continuation.resume(returning: .busLost) }
        waiting.removeAll()
        eventSink.finish()
    }

    /// Serves one open stream until it fails or the task is cancelled.
    func serve(_ stream: any ByteStream) async throws {
        var nextPollAt = now()
        while !Task.isCancelled {
            expireBounds()
            let pollDue = now() >= nextPollAt
            let pulseAllowed = lastPulseAt.map { now() >= $0 + timing.pulseSpacing } ?? true
            let free = LockSessionInput.busFree(pollDue: pollDue, pulseAllowed: pulseAllowed)
            guard let request = perform(session.handle(free)).first else {
                let untilPoll = nextPollAt - now()
                try await idle(on: stream, for: min(max(untilPoll, .milliseconds(1)), timing.transactionGap))
                continue
            }
            if pollDue && request.purpose == .poll { nextPollAt = now() + timing.pollInterval }
            try await transact(request, on: stream)
            try await idle(on: stream, for: timing.transactionGap)
        }
    }

    /// Writes `request` (an unlock never before the pulse spacing has passed) and reads until the session has
    /// its reply or the command timeout passes, which the session then hears about.
    func transact(_ request: LockBusRequest, on stream: any ByteStream) async throws {
        if request.purpose == .unlock, let last = lastPulseAt {
            let wait = last + timing.pulseSpacing - now()
            if wait > .zero { try await sleep(wait) }
        }
        try await stream.write(request.bytes, timeout: timing.commandTimeout)
        if request.purpose == .unlock { lastPulseAt = now() }
        guard request.awaitsReply else { return }
        let deadline = now() + timing.commandTimeout
        while session.awaitingReply {
            let remaining = deadline - now()
            guard remaining > .zero else {
                _ = perform(session.handle(.replyTimedOut))
                return
            }
            do {
                let bytes = try await stream.read(maxCount: 256, timeout: remaining)
                _ = perform(session.handle(.received(bytes)))
            } catch let error as HALError where error.kind == .timedOut {
                continue
            }
        }
    }

    /// Reads whatever arrives for `duration` (pushes, late or duplicate frames) and feeds it in.
    func idle(on stream: any ByteStream, for duration: Duration) async throws {
        let deadline = now() + duration
        while true {
            let remaining = deadline - now()
            guard remaining > .zero else { return }
            do {
                let bytes = try await stream.read(maxCount: 256, timeout: remaining)
                _ = perform(session.handle(.received(bytes)))
            } catch let error as HALError where error.kind == .timedOut {
                return
            }
        }
    }
}
