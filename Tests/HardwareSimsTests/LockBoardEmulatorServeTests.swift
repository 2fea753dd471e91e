import DeviceTransports
import DeviceProtocols
import KioskHAL
import Testing
@testable import HardwareSims

@Suite struct LockBoardEmulatorServeTests {
    typealias Support = EmulatorTestSupport

    /// Reads from `stream` until `count` bytes arrived (each read bounded by the stream's timeout).
    func read(_ count: Int, from stream: any ByteStream) async throws -> [UInt8] {
        var received: [UInt8] = []
        while received.count < count {
            received += try await stream.read(maxCount: count - received.count, timeout: .seconds(60))
        }
        return received
    }

    @Test func serve_answersAStatusRequest_andEndsQuietlyOnDisconnect() async throws {
        // Given a Kerong emulator served on one end of a pipe
        let (host, device) = InMemoryByteStream.pair(name: "lockbus0")
        let emulator = LockBoardEmulator(core: try Support.kerongBus())
        let serving = Task { try await emulator.serve(on: device) }
        // When the host sends a status request
        try await host.write(try KerongFrame.readStatus(board: 0).encoded(), timeout: .seconds(30))
        // Then the idle status vector comes back
        #expect(try await read(9, from: host) == Support.idleStatusBoard0)
        // When the host hangs up
        await host.close()
        // Then the serve loop returns without error
        try await serving.value
        #expect(await emulator.log.contains { $0.event == .request(command: 0x30) })
    }

    @Test func serve_pushesControlApiDoorChanges_andStopsWhenCancelled() async throws {
        // Given a WKLY emulator served on a pipe, with channel 1 opened over the wire
        let (host, device) = InMemoryByteStream.pair(name: "lockbus0")
        let emulator = LockBoardEmulator(core: try Support.wklyBus())
        let serving = Task { try await emulator.serve(on: device) }
        try await host.write(try WKLYMessage.openLock(address: 0, channel: 1).frame.encoded(), timeout: .seconds(30))
        let reply = try await read(11, from: host)
        // When the citizen closes the door through the control API
        try await emulator.closeDoor(board: 0, channel: 1)
        // Then the board pushes the change on its own
        let pushed = try await read(10, from: host)
        var decoder = WKLYFrameDecoder()
        #expect(decoder.feed(reply + pushed).compactMap { WKLYMessage(frame: $0, fromBoard: true) } == [
            .openLockReply(address: 0, ok: true, channel: 1, door: .open),
            .doorChanged(address: 0, channel: 1, door: .closed),
        ])
        // When the serving task is cancelled
        serving.cancel()
        // Then it ends without throwing
        try await serving.value
    }

    @Test func control_throughTheActor_refusesImpossibleActions() async throws {
        // Given a served-style emulator (not serving)
        let emulator = LockBoardEmulator(core: try Support.kerongBus())
        // Then a latched door cannot be opened and the state is unchanged
        await #expect(throws: LockControlError.doorLatched(board: 0, channel: 1)) {
            try await emulator.openDoor(board: 0, channel: 1)
        }
        #expect(try await emulator.state(board: 0, channel: 1) == .idle)
    }
}
