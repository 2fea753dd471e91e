import DeviceProtocols
import Testing
@testable import HardwareSims

@Suite struct ReplyFaultTests {
    typealias Support = EmulatorTestSupport
    let board0 = FaultScope(board: 0)

    @Test func offline_forTheNextCommand_silencesOneRequestOnly() throws {
        // Given board 0 offline for its next command
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.offline, scope: board0, activation: .forNextCommands(1))))
        let request = try KerongFrame.readStatus(board: 0).encoded()
        // When the host asks twice
        let first = core.receive(request, at: .zero)
        let second = core.receive(request, at: .seconds(1))
        // Then the first request goes unanswered and the second gets the status
        #expect(first.isEmpty)
        #expect(Support.bytes(second) == Support.idleStatusBoard0)
        #expect(core.log.contains { $0.event == .silentWhileOffline })
    }

    @Test func slowReply_holdsTheReplyUntilTheDelayHasPassed() throws {
        // Given board 0 answering 300 ms late
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.slowReply(delay: .milliseconds(300)), scope: board0)))
        // When the host asks at 1 s
        let immediate = core.receive(try KerongFrame.readStatus(board: 0).encoded(), at: .seconds(1))
        // Then nothing is due until 1.3 s, and the emulator says when to come back
        #expect(immediate.isEmpty)
        #expect(core.nextWakeUp == .milliseconds(1300))
        #expect(core.advance(to: .milliseconds(1299)).isEmpty)
        #expect(Support.bytes(core.advance(to: .milliseconds(1300))) == Support.idleStatusBoard0)
    }

    @Test func corruptChecksum_onTheNextTwoReplies_invertsTheirLastByteOnly() throws {
        // Given corrupted checksums for board 0's next two commands
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.corruptChecksum, scope: board0, activation: .forNextCommands(2))))
        let request = try KerongFrame.readStatus(board: 0).encoded()
        // When the host asks three times
        let replies = (0..<3).flatMap { core.receive(request, at: .milliseconds($0 * 100)) }
        // Then the first two carry 38 ^ FF = C7 and the decoder drops them; the third is good
        #expect(replies.map { $0.bytes.last } == [0xC7, 0xC7, 0x38])
        var decoder = KerongFrameDecoder()
        #expect(decoder.feed(Support.bytes(replies)) == [.status(board: 0, hooks: 0xFFFF, sensors: 0)])
        #expect(decoder.checksumFailures == 2)
    }

    @Test func truncatedReply_sendsOnlyTheFirstBytes() throws {
        // Given replies cut after 5 bytes
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.truncatedReply(keepBytes: 5), scope: board0)))
        // When the host asks
        let replies = core.receive(try KerongFrame.readStatus(board: 0).encoded(), at: .zero)
        // Then the frame stops short and no status decodes
        #expect(Support.bytes(replies) == Array(Support.idleStatusBoard0.prefix(5)))
        #expect(Support.kerongFrames(replies).isEmpty)
    }

    @Test func strayBytes_precedeTheReply() throws {
        // Given stray bytes before each reply
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.strayBytes([0x00, 0x55, 0x03]), scope: board0)))
        // When the host asks
        let replies = core.receive(try KerongFrame.readStatus(board: 0).encoded(), at: .zero)
        // Then the noise comes first and a resynchronising decoder still finds the status
        #expect(Support.bytes(replies) == [0x00, 0x55, 0x03] + Support.idleStatusBoard0)
        var decoder = KerongFrameDecoder()
        #expect(decoder.feed(Support.bytes(replies)).count == 1)
        #expect(decoder.discardedBytes == 3)
    }

    @Test func duplicateReply_sendsTheSameFrameTwice() throws {
        // Given duplicated replies on a WKLY board
        var core = try Support.wklyBus(faults: Support.plan(ScheduledFault(.duplicateReply, scope: board0)))
        // When the host queries channel 1
        let replies = core.receive(try WKLYMessage.queryDoor(address: 0, channel: 1).frame.encoded(), at: .zero)
        // Then two identical frames go out
        let reply = WKLYMessage.queryDoorReply(address: 0, ok: true, channel: 1, door: .closed)
        #expect(Support.wklyMessages(replies) == [reply, reply])
        #expect(replies.count == 2 && replies[0] == replies[1])
    }

    @Test func addressCollision_twoFrames_showsTheImpostorsIdleStatusSecond() throws {
        // Given an item in board 0 channel 1 and an impostor board also at address 0
        var core = try Support.kerongBus()
        try Support.load(&core, channel: 1, at: .zero)
        core.install(Support.plan(ScheduledFault(.addressCollision(.twoFrames), scope: board0)))
        // When the host asks for board 0
        let replies = core.receive(try KerongFrame.readStatus(board: 0).encoded(), at: .seconds(1))
        // Then two contradicting status frames arrive
        #expect(Support.kerongFrames(replies) == [
            .status(board: 0, hooks: 0xFFFF, sensors: 0x0001),
            .status(board: 0, hooks: 0xFFFF, sensors: 0x0000),
        ])
    }

    @Test func addressCollision_garbled_sendsTheBitwiseAndOfBothReplies() throws {
        // Given lock 1 released (hooks FE) and an impostor answering at the same time
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.addressCollision(.garbled), scope: board0)))
        _ = core.receive(try KerongFrame.unlock(board: 0, lock: 0).encoded(), at: .zero)
        // When the host asks for board 0 during the pulse
        let replies = core.receive(try KerongFrame.readStatus(board: 0).encoded(), at: .milliseconds(10))
        // Then the line carries 37 & 38 = 30 as checksum, which no longer matches, so nothing decodes
        #expect(Support.bytes(replies) == [0x02, 0x00, 0x35, 0xFE, 0xFF, 0x00, 0x00, 0x03, 0x30])
        #expect(Support.kerongFrames(replies).isEmpty)
    }

    @Test func timedFault_takesEffectOnlyFromItsTime() throws {
        // Given a board that goes offline at 2 s
        var core = try Support.kerongBus(faults: Support.plan(ScheduledFault(.offline, scope: board0, activation: .at(.seconds(2)))))
        let request = try KerongFrame.readStatus(board: 0).encoded()
        // When the host asks before and after
        let before = core.receive(request, at: .milliseconds(1999))
        let after = core.receive(request, at: .seconds(2))
        // Then only the earlier request is answered
        #expect(Support.bytes(before) == Support.idleStatusBoard0)
        #expect(after.isEmpty)
    }
}
