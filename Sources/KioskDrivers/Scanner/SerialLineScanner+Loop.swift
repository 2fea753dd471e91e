import DeviceProtocols
import KioskHAL

// The port loop: open the stream, read and frame lines, reconnect with capped backoff.
extension SerialLineScanner {
    /// Runs the scanner until the task is cancelled: opens the port, publishes `.connected`,
    /// reads and frames lines until the stream fails, then publishes `.disconnected`, drops the
    /// unterminated line and reopens after a backoff doubling from `reconnectInitial` to
    /// `reconnectMaximum` (reset once a link stayed open and carried bytes). The gate's arming
    /// and debounce memory survive a reconnect. On return `events` finishes; call it once.
    public func run() async {
        var backoff = configuration.reconnectInitial
        while !Task.isCancelled {
            let stream: any ByteStream
            do {
                stream = try await opener()
            } catch {
                device = .offline
                guard (try? await sleep(backoff)) != nil else { break }
                backoff = configuration.backoff(after: backoff)
                continue
            }
            connected = true
            device = .online
            eventSink.yield(.connected)
            let carriedBytes = await serve(stream)
            await stream.close()
            connected = false
            device = .offline
            framer.reset()
            if Task.isCancelled { break }
            eventSink.yield(.disconnected)
            if carriedBytes { backoff = configuration.reconnectInitial }
            guard (try? await sleep(backoff)) != nil else { break }
            backoff = configuration.backoff(after: backoff)
        }
        connected = false
        device = .offline
        eventSink.finish()
    }

    /// Reads `stream` until it fails or the task is cancelled; returns whether any byte arrived.
    func serve(_ stream: any ByteStream) async -> Bool {
        var carriedBytes = false
        while !Task.isCancelled {
            do {
                let bytes = try await stream.read(maxCount: 512, timeout: configuration.readTimeout)
                carriedBytes = carriedBytes || !bytes.isEmpty
                receive(bytes)
            } catch let error as HALError where error.kind == .timedOut {
                continue
            } catch {
                // `.disconnected`, any other stream error or cancellation ends this link.
                return carriedBytes
            }
        }
        return carriedBytes
    }
}
