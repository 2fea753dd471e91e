import KioskHAL
import Testing
@testable import DeviceTransports
import TestSupport

@Suite struct InMemoryByteStreamTests {
    @Test func bytes_writtenInRandomChunks_arriveInOrderAcrossRandomReads() async throws {
        // Given a pair with a small buffer and 200 KiB of seeded random data in random chunks
        let (driver, device) = InMemoryByteStream.pair(name: "order", capacity: 1000)
        var generator = SplitMix64(seed: 0x5EED_0001)
        let payload = generator.bytes(200_000)
        var chunks: [[UInt8]] = []
        var start = 0
        while start < payload.count {
            let size = Int.random(in: 1 ... 3000, using: &generator)
            chunks.append(Array(payload[start ..< min(payload.count, start + size)]))
            start += size
        }
        let readSizes = (0 ..< 512).map { _ in Int.random(in: 1 ... 2500, using: &generator) }

        // When the device writes every chunk while the driver reads with random sizes
        async let sent: Void = {
            for chunk in chunks { try await device.write(chunk, timeout: hangGuard) }
        }()
        var received: [UInt8] = []
        var index = 0
        while received.count < payload.count {
            let bytes = try await driver.read(maxCount: readSizes[index % readSizes.count], timeout: hangGuard)
            #expect(!bytes.isEmpty && bytes.count <= readSizes[index % readSizes.count])
            received += bytes
            index += 1
        }
        try await sent

        // Then every byte arrived once, in order
        #expect(received == payload)
    }

    @Test func read_whenNothingArrives_throwsTimedOut() async throws {
        // Given a pair where nobody writes
        let (driver, device) = InMemoryByteStream.pair(name: "quiet")

        // When the driver reads with a short timeout
        let kind = await halErrorKind { _ = try await driver.read(maxCount: 16, timeout: .milliseconds(30)) }

        // Then the read times out (and the device end is still usable)
        #expect(kind == .timedOut)
        try? await device.write([0x01], timeout: hangGuard)
        #expect(try await driver.read(maxCount: 16, timeout: hangGuard) == [0x01])
    }

    @Test func read_whenCancelledWhileWaiting_throwsCancellationError() async throws {
        // Given a driver waiting for bytes that never come (hang guard far away)
        let (driver, device) = InMemoryByteStream.pair(name: "cancel")
        let reading = Task { try await driver.read(maxCount: 1, timeout: .seconds(60)) }

        // When the waiting task is cancelled
        try await Task.sleep(for: .milliseconds(20))
        reading.cancel()

        // Then the read ends with CancellationError, and later bytes go to the next reader
        await #expect(throws: CancellationError.self) { try await reading.value }
        try await device.write([0x42], timeout: hangGuard)
        #expect(try await driver.read(maxCount: 4, timeout: hangGuard) == [0x42])
    }

    @Test func write_whenBufferFullAndNobodyReads_throwsTimedOut() async throws {
        // Given a pair with an 8-byte buffer
        let (driver, device) = InMemoryByteStream.pair(name: "slow", capacity: 8)

        // When the driver writes 20 bytes and the device never reads
        let kind = await halErrorKind { try await driver.write(Array(repeating: 0xAA, count: 20), timeout: .milliseconds(30)) }

        // Then the write times out, and exactly the 8 bytes that fitted were sent
        #expect(kind == .timedOut)
        #expect(try await device.read(maxCount: 100, timeout: hangGuard) == Array(repeating: 0xAA, count: 8))
    }

    @Test func write_whenReaderCatchesUp_completesEvenBeyondCapacity() async throws {
        // Given a 4-byte buffer and a 1 KiB message
        let (driver, device) = InMemoryByteStream.pair(name: "flow", capacity: 4)
        let message = (0 ..< 1024).map { UInt8(truncatingIfNeeded: $0) }

        // When the device reads while the driver writes
        async let received = readExactly(device, count: message.count)
        try await driver.write(message, timeout: hangGuard)

        // Then the whole message passes through the small buffer
        #expect(try await received == message)
    }

    @Test func close_letsPeerDrainSentBytes_thenReadsDisconnected() async throws {
        // Given the device sent three bytes and closed
        let (driver, device) = InMemoryByteStream.pair(name: "close")
        try await device.write([1, 2, 3], timeout: hangGuard)
        await device.close()

        // When the driver reads twice
        let first = try await driver.read(maxCount: 10, timeout: hangGuard)
        let kind = await halErrorKind { _ = try await driver.read(maxCount: 10, timeout: hangGuard) }

        // Then it gets the bytes, then .disconnected
        #expect(first == [1, 2, 3])
        #expect(kind == .disconnected)
    }

    @Test func close_wakesAWaitingReaderWithDisconnected() async throws {
        // Given a driver waiting on a read with a long hang guard
        let (driver, device) = InMemoryByteStream.pair(name: "wake")
        async let kind = halErrorKind { _ = try await driver.read(maxCount: 10, timeout: .seconds(60)) }

        // When the device closes
        try await Task.sleep(for: .milliseconds(20))
        await device.close()

        // Then the waiting read fails with .disconnected rather than waiting for its timeout
        #expect(await kind == .disconnected)
    }

    @Test func close_makesPeerWritesAndOwnCallsFailDisconnected_andIsIdempotent() async {
        // Given a pair whose driver end is closed twice
        let (driver, device) = InMemoryByteStream.pair(name: "closed")
        await driver.close()
        await driver.close()

        // When both ends are used
        let peerWrite = await halErrorKind { try await device.write([1], timeout: hangGuard) }
        let ownRead = await halErrorKind { _ = try await driver.read(maxCount: 1, timeout: hangGuard) }
        let ownWrite = await halErrorKind { try await driver.write([1], timeout: hangGuard) }

        // Then every call fails with .disconnected
        #expect(peerWrite == .disconnected)
        #expect(ownRead == .disconnected)
        #expect(ownWrite == .disconnected)
    }

    @Test func discardInput_dropsStaleBytes_butKeepsLaterOnes() async throws {
        // Given a stale reply waiting in the driver's input
        let (driver, device) = InMemoryByteStream.pair(name: "stale")
        try await device.write([0xDE, 0xAD], timeout: hangGuard)

        // When the driver discards its input and the device then sends a fresh reply
        try await driver.discardInput()
        try await device.write([0x06], timeout: hangGuard)

        // Then only the fresh reply is read
        #expect(try await driver.read(maxCount: 10, timeout: hangGuard) == [0x06])
    }

    @Test func droppingAnEnd_disconnectsThePeer() async {
        // Given a pair whose device end is released without close()
        var pair: (driver: InMemoryByteStream, device: InMemoryByteStream)? = InMemoryByteStream.pair(name: "drop")
        let driver = pair?.driver
        pair = nil

        // When the driver reads
        let kind = await halErrorKind { _ = try await driver?.read(maxCount: 1, timeout: hangGuard) }

        // Then it sees .disconnected instead of waiting for the hang guard
        #expect(kind == .disconnected)
    }

    @Test func read_withZeroMaxCount_isRejected() async {
        let (driver, _) = InMemoryByteStream.pair(name: "zero")
        let kind = await halErrorKind { _ = try await driver.read(maxCount: 0, timeout: hangGuard) }
        #expect(kind == .unsupported)
    }

    @Test func names_sayWhichEndIsWhich() {
        let (driver, device) = InMemoryByteStream.pair(name: "lockbus0")
        #expect(driver.name == "memory:lockbus0")
        #expect(device.name == "memory:lockbus0:device")
    }
}
