import DeviceTransports
import KioskHAL

extension EscPosPrinterEmulator {
    /// Serves the printer as a network printer: every connection accepted on `listener`, one at
    /// a time (a raw-printing port takes one client at once), until the task is cancelled or the
    /// listener closes. `accepted` sees each connection before it is served.
    public func serveConnections(
        from listener: TCPListener, poll: Duration = .milliseconds(20),
        accepted: @Sendable (TCPByteStream) async -> Void = { _ in }
    ) async {
        while !Task.isCancelled {
            do {
                let connection = try await listener.accept(timeout: .seconds(1))
                await accepted(connection)
                try? await serve(on: connection, poll: poll)
                await connection.close()
            } catch let error as HALError where error.kind == .timedOut {
                continue
            } catch {
                return
            }
        }
    }
}
