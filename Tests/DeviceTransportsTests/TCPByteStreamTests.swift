import KioskHAL
import Testing
@testable import DeviceTransports
import TestSupport

@Suite struct TCPByteStreamTests {
    @Test func loopbackConnection_exchangesBytesBothWays() async throws {
        // Given a listener on a free loopback port and a client connected to it
        let listener = try TCPListener(port: 0)
        async let accepted = listener.accept(timeout: hangGuard)
        let client = try await TCPByteStream.connect(host: "127.0.0.1", port: listener.port, timeout: hangGuard)
        let server = try await accepted
        var generator = SplitMix64(seed: 0x9100)
        let job = generator.bytes(200_000)

        // When the client sends every byte value and a large job, and the server answers
        try await client.write(allByteValues, timeout: hangGuard)
        let atServer = try await readExactly(server, count: 256)
        async let jobAtServer = readExactly(server, count: job.count)
        try await client.write(job, timeout: hangGuard)
        try await server.write([0x12], timeout: hangGuard)

        // Then both sides get exactly what was sent
        #expect(atServer == allByteValues)
        #expect(try await jobAtServer == job)
        #expect(try await client.read(maxCount: 8, timeout: hangGuard) == [0x12])
        #expect(client.name == "tcp:127.0.0.1:\(listener.port)")
        await client.close()
        await server.close()
        await listener.close()
    }

    @Test func peerClose_makesReadsDisconnected_afterDrainingSentBytes() async throws {
        // Given a connection where the server sent a status byte and closed
        let listener = try TCPListener()
        async let accepted = listener.accept(timeout: hangGuard)
        let client = try await TCPByteStream.connect(host: "localhost", port: listener.port, timeout: hangGuard)
        let server = try await accepted
        try await server.write([0x16], timeout: hangGuard)
        await server.close()

        // When the client reads twice, then writes
        let first = try await client.read(maxCount: 4, timeout: hangGuard)
        let second = await halErrorKind { _ = try await client.read(maxCount: 4, timeout: hangGuard) }

        // Then it gets the byte, then .disconnected
        #expect(first == [0x16])
        #expect(second == .disconnected)
        await client.close()
        await listener.close()
    }

    @Test func writesToAClosedPeer_failDisconnected_notSIGPIPE() async throws {
        // Given a connection whose server side is gone
        let listener = try TCPListener()
        async let accepted = listener.accept(timeout: hangGuard)
        let client = try await TCPByteStream.connect(host: "127.0.0.1", port: listener.port, timeout: hangGuard)
        await (try await accepted).close()

        // When the client keeps writing (the first writes may still be buffered)
        var kind: HALError.Kind?
        for _ in 0 ..< 100 where kind == nil {
            kind = await halErrorKind { try await client.write([UInt8](repeating: 0x1B, count: 4096), timeout: hangGuard) }
        }

        // Then a write fails with .disconnected and the process is still alive
        #expect(kind == .disconnected)
        await client.close()
        await listener.close()
    }

    @Test func connectToAClosedPort_failsInsteadOfHanging() async throws {
        // Given a port that was bound and released, so nothing listens there
        let listener = try TCPListener()
        let port = listener.port
        await listener.close()

        // When a client connects to it
        let kind = await halErrorKind { _ = try await TCPByteStream.connect(host: "127.0.0.1", port: port, timeout: hangGuard) }

        // Then the connect is refused (.disconnected)
        #expect(kind == .disconnected)
    }

    @Test func accept_withoutClients_timesOut_andClosedListenerRefuses() async throws {
        // Given a listener nobody connects to
        let listener = try TCPListener()

        // When it accepts briefly, then again after close
        let waiting = await halErrorKind { _ = try await listener.accept(timeout: .milliseconds(30)) }
        await listener.close()
        await listener.close()
        let afterClose = await halErrorKind { _ = try await listener.accept(timeout: hangGuard) }

        // Then the first times out and the second reports .disconnected
        #expect(waiting == .timedOut)
        #expect(afterClose == .disconnected)
    }

    @Test func closingTheListener_wakesAWaitingAccept() async throws {
        let listener = try TCPListener()
        async let kind = halErrorKind { _ = try await listener.accept(timeout: .seconds(60)) }
        try await Task.sleep(for: .milliseconds(20))
        await listener.close()
        #expect(await kind == .disconnected)
    }

    @Test func listeningOnABusyPort_throwsBusy() throws {
        let first = try TCPListener()
        #expect(throws: HALError.self) { _ = try TCPListener(port: first.port) }
        let kind: HALError.Kind?
        do {
            _ = try TCPListener(port: first.port)
            kind = nil
        } catch {
            kind = error.kind
        }
        #expect(kind == .busy)
    }
}
