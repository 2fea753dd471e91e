/// One decoded reply to a real-time status query `10 04 n`.
///
/// Every valid reply has the fixed pattern `0xx1xx10` (bit 0 = 0, bit 1 = 1, bit 4 = 1,
/// bit 7 = 0); anything else is refused, because a stray image byte or an automatic status
/// message must never be read as a status.
public enum EscPosStatus: Hashable, Sendable {
    /// Reply to `n` = 1: bit 3 set means offline.
    case printer(offline: Bool)
    /// Reply to `n` = 2: bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error.
    case offlineCause(coverOpen: Bool, stoppedByPaperEnd: Bool, error: Bool)
    /// Reply to `n` = 3: bit 3 auto-cutter error, bit 5 unrecoverable, bit 6 auto-recoverable.
    case errorCause(cutterError: Bool, unrecoverable: Bool, autoRecoverable: Bool)
    /// Reply to `n` = 4: bits 2/3 paper near end, bits 5/6 paper end (either bit of a pair counts,
    /// since models wire one or two sensors to the pair).
    case paperSensor(nearEnd: Bool, paperEnd: Bool)

    /// Mask of the bits whose values are fixed in every reply: 0, 1, 4 and 7.
    public static let fixedMask: UInt8 = 0b1001_0011
    /// The values of the fixed bits: bit 1 and bit 4 set, bits 0 and 7 clear.
    public static let fixedPattern: UInt8 = 0b0001_0010

    /// Whether `byte` has the fixed `0xx1xx10` pattern of a `DLE EOT` reply.
    public static func hasReplyPattern(_ byte: UInt8) -> Bool {
        byte & fixedMask == fixedPattern
    }

    /// Decodes `byte` as the reply to `request`; throws `EscPosStatusError.invalidPattern` when
    /// the byte does not match `0xx1xx10`.
    public init(reply byte: UInt8, to request: EscPosStatusRequest) throws(EscPosStatusError) {
        guard Self.hasReplyPattern(byte) else {
            throw .invalidPattern(byte: byte, request: request)
        }
        func bit(_ index: UInt8) -> Bool { byte & (1 << index) != 0 }
        switch request {
        case .printer:
            self = .printer(offline: bit(3))
        case .offlineCause:
            self = .offlineCause(coverOpen: bit(2), stoppedByPaperEnd: bit(5), error: bit(6))
        case .errorCause:
            self = .errorCause(cutterError: bit(3), unrecoverable: bit(5), autoRecoverable: bit(6))
        case .paperSensor:
            self = .paperSensor(nearEnd: bit(2) || bit(3), paperEnd: bit(5) || bit(6))
        }
    }

    /// The query this reply answers.
    public var request: EscPosStatusRequest {
        switch self {
        case .printer: .printer
        case .offlineCause: .offlineCause
        case .errorCause: .errorCause
        case .paperSensor: .paperSensor
        }
    }

    /// The canonical reply byte for this status (fixed pattern plus the flag bits; both bits of
    /// a paper pair set), as an emulator would send it.
    public var replyByte: UInt8 {
        var byte = Self.fixedPattern
        func set(_ flag: Bool, _ bits: UInt8) { if flag { byte |= bits } }
        switch self {
        case let .printer(offline):
            set(offline, 1 << 3)
        case let .offlineCause(coverOpen, stoppedByPaperEnd, error):
            set(coverOpen, 1 << 2)
            set(stoppedByPaperEnd, 1 << 5)
            set(error, 1 << 6)
        case let .errorCause(cutterError, unrecoverable, autoRecoverable):
            set(cutterError, 1 << 3)
            set(unrecoverable, 1 << 5)
            set(autoRecoverable, 1 << 6)
        case let .paperSensor(nearEnd, paperEnd):
            set(nearEnd, 0x0C)
            set(paperEnd, 0x60)
        }
        return byte
    }
}

/// Why a status reply was refused.
public enum EscPosStatusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte does not have the `0xx1xx10` pattern of a `DLE EOT` reply.
    case invalidPattern(byte: UInt8, request: EscPosStatusRequest)
    /// A reply arrived for a different query than the one expected at that position.
    case unexpectedReply(expected: EscPosStatusRequest, actual: EscPosStatusRequest)
    /// Not exactly one reply per query `n` = 1...4 was given (count of replies).
    case wrongReplyCount(Int)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case let .invalidPattern(byte, request):
            "status reply 0x\(String(byte, radix: 16)) to 10 04 \(request.rawValue) lacks the 0xx1xx10 pattern"
        case let .unexpectedReply(expected, actual):
            "status reply for n=\(actual.rawValue) where n=\(expected.rawValue) was expected"
        case let .wrongReplyCount(count):
            "\(count) status replies given, expected 4"
        }
    }
}
