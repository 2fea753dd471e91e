import KioskHAL

/// A scanner driver that owns a link (a byte stream, a frame source) opened by an injected
/// opener and reopened after every loss. The reconnect loop, the arming methods and the
/// status are written once here; a driver supplies how to open, serve and close its link.
protocol ReconnectingScanner: Actor {
    /// What the opener returns.
    associatedtype Link: Sendable

    /// The shared state: events, gate, device state, clock.
    var core: ScannerCore { get set }
    /// How lost links are reopened.
    var reconnectPolicy: ScannerReconnectPolicy { get }

    /// Opens the link (called again after each loss).
    func openLink() async throws -> Link
    /// Reads the link until it fails or the task is cancelled; returns whether it carried data.
    func serve(_ link: Link) async -> Bool
    /// Closes the link.
    func closeLink(_ link: Link) async
    /// Drops decoder state tied to the lost link (a partial line, a scan in progress).
    func resetAfterLinkLoss()
}

extension ReconnectingScanner {
    /// Runs the link until the task is cancelled: opens it, publishes `.connected`, serves it
    /// until it fails, then publishes `.disconnected`, drops partial input and reopens after a
    /// backoff doubling from the policy's initial wait to its maximum (reset once a link stayed
    /// open and carried data). Arming and debounce memory survive a reconnect. On return the
    /// event stream finishes.
    func runLinks() async {
        var backoff = reconnectPolicy.initial
        while !Task.isCancelled {
            let link: Link
            do {
                link = try await openLink()
            } catch {
                core.linkLost(announce: false)
                guard (try? await core.sleep(backoff)) != nil else { break }
                backoff = reconnectPolicy.backoff(after: backoff)
                continue
            }
            core.linkOpened()
            let carriedData = await serve(link)
            await closeLink(link)
            resetAfterLinkLoss()
            core.linkLost(announce: !Task.isCancelled)
            if Task.isCancelled { break }
            if carriedData { backoff = reconnectPolicy.initial }
            guard (try? await core.sleep(backoff)) != nil else { break }
            backoff = reconnectPolicy.backoff(after: backoff)
        }
        core.finish()
    }

    /// The device state and the gate's arming; never waits.
    func currentStatus() -> ScannerStatus { core.status }

    /// Opens the gate for the next accepted scan; never waits on the device.
    /// - Throws: `HALError.disconnected` when no link is open; `CancellationError`.
    func armGate() throws {
        try Task.checkCancellation()
        try core.arm()
    }

    /// Closes the gate; always succeeds locally. - Throws: `CancellationError` only.
    func disarmGate() throws {
        core.gate.disarm()
        try Task.checkCancellation()
    }
}

/// A scanner whose link is a `ByteStream` read in a loop: serial lines and keyboard wedges.
protocol ByteStreamScanner: ReconnectingScanner where Link == any ByteStream {
    /// The injected opener.
    var opener: @Sendable () async throws -> any ByteStream { get }
    /// The bound of the next read wait (may depend on decoder state, e.g. an idle timer).
    func nextReadTimeout() -> Duration
    /// Decodes and publishes bytes just read.
    func receive(_ bytes: [UInt8])
    /// Called after every read or read timeout (idle timers).
    func tick()
}

extension ByteStreamScanner {
    func openLink() async throws -> any ByteStream { try await opener() }

    func closeLink(_ link: any ByteStream) async { await link.close() }

    /// Reads `stream` until it fails or the task is cancelled; returns whether any byte arrived.
    func serve(_ stream: any ByteStream) async -> Bool {
        var carriedBytes = false
        while !Task.isCancelled {
            do {
                let bytes = try await stream.read(maxCount: 512, timeout: nextReadTimeout())
                carriedBytes = carriedBytes || !bytes.isEmpty
                receive(bytes)
            } catch let error as HALError where error.kind == .timedOut {
                // Nothing arrived: only timers can have something to say.
            } catch {
                // `.disconnected`, any other stream error or cancellation ends this link.
                return carriedBytes
            }
            tick()
        }
        return carriedBytes
    }
}
