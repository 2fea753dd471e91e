import Testing
@testable import DeviceProtocols

@Suite struct PrinterEscPosStatusTests {
    /// Whether bit `index` of `byte` is set, written independently of the code under test.
    private func bit(_ byte: UInt8, _ index: Int) -> Bool { (byte >> UInt8(index)) & 1 == 1 }

    @Test(arguments: EscPosStatusRequest.allCases)
    func decode_overAll256Bytes_acceptsExactlyThePatternAndDecodesEveryFlag(request: EscPosStatusRequest) {
        var accepted = 0
        for value in 0...255 {
            // Given any byte as the reply to 10 04 n
            let byte = UInt8(value)
            let fitsPattern = !bit(byte, 0) && bit(byte, 1) && bit(byte, 4) && !bit(byte, 7)

            // When
            let decoded = Result { () throws(EscPosStatusError) in try EscPosStatus(reply: byte, to: request) }

            // Then invalid bytes are refused naming the byte, valid ones decode every flag bit
            guard fitsPattern else {
                #expect(decoded == .failure(.invalidPattern(byte: byte, request: request)), "byte \(byte)")
                continue
            }
            accepted += 1
            let expected: EscPosStatus = switch request {
            case .printer:
                .printer(offline: bit(byte, 3))
            case .offlineCause:
                .offlineCause(coverOpen: bit(byte, 2), stoppedByPaperEnd: bit(byte, 5), error: bit(byte, 6))
            case .errorCause:
                .errorCause(cutterError: bit(byte, 3), unrecoverable: bit(byte, 5), autoRecoverable: bit(byte, 6))
            case .paperSensor:
                .paperSensor(nearEnd: bit(byte, 2) || bit(byte, 3), paperEnd: bit(byte, 5) || bit(byte, 6))
            }
            #expect(decoded == .success(expected), "byte \(byte)")
        }
        // Four free bits (2, 3, 5, 6) give exactly 16 valid replies
        #expect(accepted == 16)
    }

    @Test func decode_whenVendorMasks_matchesPythonEscposMeanings() throws {
        // 0x12 online / paper ok, 0x1A offline, 0x1E paper low, 0x72 no paper
        #expect(try EscPosStatus(reply: 0x12, to: .printer) == .printer(offline: false))
        #expect(try EscPosStatus(reply: 0x1A, to: .printer) == .printer(offline: true))
        #expect(try EscPosStatus(reply: 0x12, to: .paperSensor) == .paperSensor(nearEnd: false, paperEnd: false))
        #expect(try EscPosStatus(reply: 0x1E, to: .paperSensor) == .paperSensor(nearEnd: true, paperEnd: false))
        #expect(try EscPosStatus(reply: 0x72, to: .paperSensor) == .paperSensor(nearEnd: false, paperEnd: true))
        #expect(try EscPosStatus(reply: 0x16, to: .offlineCause) == .offlineCause(coverOpen: true, stoppedByPaperEnd: false, error: false))
        #expect(try EscPosStatus(reply: 0x1A, to: .errorCause) == .errorCause(cutterError: true, unrecoverable: false, autoRecoverable: false))
    }

    @Test func decode_whenAutomaticStatusByte_isRefused() {
        // ASB's first byte has bit 1 clear (0xx1xx00): it must never pass as a DLE EOT reply
        #expect(throws: EscPosStatusError.invalidPattern(byte: 0x10, request: .printer)) {
            try EscPosStatus(reply: 0x10, to: .printer)
        }
    }

    @Test func replyByte_roundTripsThroughDecode() throws {
        for request in EscPosStatusRequest.allCases {
            for value in 0...255 where EscPosStatus.hasReplyPattern(UInt8(value)) {
                let status = try EscPosStatus(reply: UInt8(value), to: request)
                #expect(try EscPosStatus(reply: status.replyByte, to: request) == status)
                #expect(status.request == request)
            }
        }
    }

    @Test func condition_whenAllClear_isReadyWithPaperOk() throws {
        let condition = try PrinterCondition(replyBytes: [0x12, 0x12, 0x12, 0x12])
        #expect(condition == PrinterCondition(
            online: true, coverOpen: false, paper: .ok, cutterError: false, unrecoverable: false, autoRecoverable: false
        ))
        #expect(condition.isReadyToPrint)
    }

    @Test func condition_whenEveryFaultSet_combinesTheFourReplies() throws {
        // Given offline; cover open + error; cutter + unrecoverable + auto-recoverable; near end
        let condition = try PrinterCondition(replyBytes: [0x1A, 0x56, 0x7A, 0x1E])

        // Then
        #expect(condition.online == false)
        #expect(condition.coverOpen)
        #expect(condition.error)
        #expect(condition.cutterError)
        #expect(condition.unrecoverable)
        #expect(condition.autoRecoverable)
        #expect(condition.paper == .nearEnd)
        #expect(!condition.isReadyToPrint)
    }

    @Test func condition_whenStoppedByPaperEndOnly_reportsPaperOut() throws {
        // n=2 bit 5 set while the roll sensor still says near end
        let condition = try PrinterCondition(replyBytes: [0x12, 0x32, 0x12, 0x1E])
        #expect(condition.paper == .out)
    }

    @Test func condition_whenRollSensorSaysEnd_reportsPaperOut() throws {
        let condition = try PrinterCondition(replyBytes: [0x12, 0x12, 0x12, 0x72])
        #expect(condition.paper == .out)
        #expect(!condition.isReadyToPrint)
    }

    @Test func condition_whenRepliesMissingOrInvalid_throws() {
        #expect(throws: EscPosStatusError.wrongReplyCount(3)) {
            try PrinterCondition(replyBytes: [0x12, 0x12, 0x12])
        }
        #expect(throws: EscPosStatusError.invalidPattern(byte: 0x00, request: .errorCause)) {
            try PrinterCondition(replyBytes: [0x12, 0x12, 0x00, 0x12])
        }
        #expect(throws: EscPosStatusError.wrongReplyCount(4)) {
            try PrinterCondition([.printer(offline: false), .printer(offline: true), .paperSensor(nearEnd: false, paperEnd: false),
                                  .errorCause(cutterError: false, unrecoverable: false, autoRecoverable: false)])
        }
    }

    @Test(arguments: PrinterCondition.Paper.allCases)
    func condition_replies_roundTrip(paper: PrinterCondition.Paper) throws {
        let condition = PrinterCondition(
            online: false, coverOpen: true, paper: paper, error: true,
            cutterError: true, unrecoverable: false, autoRecoverable: true
        )
        #expect(try PrinterCondition(condition.replies) == condition)
        #expect(try PrinterCondition(replyBytes: condition.replies.map(\.replyByte)) == condition)
    }
}
