import KioskHAL

extension EscPosPrinter {
    /// Runs the printer until the task is cancelled: opens the stream, reads status at once and
    /// then every `statusPollInterval` while no job runs, and when the stream is lost (found by a
    /// read, a write or a job) reopens it after a backoff doubling from `reconnectInitial` to
    /// `reconnectMaximum`, reset once a reading succeeds. `.online` is published when the first
    /// reading after a reopen finds the printer ready. On return `events` finishes; call it once.
    public func run() async {
        var backoff = configuration.reconnectInitial
        while !Task.isCancelled {
            if link == nil {
                do {
                    let stream = try await opener()
                    if Task.isCancelled {
                        await stream.close()
                        break
                    }
                    link = stream
                } catch {
                    state.observeOpenFailure()
                    guard (try? await sleep(backoff)) != nil else { break }
                    backoff = configuration.backoff(after: backoff)
                    continue
                }
            }
            await pollIdle()
            if link == nil {
                guard (try? await sleep(backoff)) != nil else { break }
                backoff = configuration.backoff(after: backoff)
                continue
            }
            if state.status.device != .offline { backoff = configuration.reconnectInitial }
            guard (try? await sleep(configuration.statusPollInterval)) != nil else { break }
        }
        let stream = link
        link = nil
        await stream?.close()
        eventSink.finish()
    }
}
