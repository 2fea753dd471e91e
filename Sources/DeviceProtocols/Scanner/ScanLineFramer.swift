import KioskHAL

/// Incremental framer of a serial scanner's bytes (CDC-ACM or USB-serial) into scans. Feed it
/// whatever each read returned; it yields one `ScanOutcome` per terminated line, never buffers
/// more than `maximumLength` bytes, and never delivers a truncated payload.
///
/// Rules, per line (the bytes before the suffix):
/// - An empty line (a stray suffix) yields nothing.
/// - More than `maximumLength` bytes: the line is discarded up to its terminator and reported
///   once as `.tooLong`; the next line is framed normally.
/// - A control byte (C0 or DEL) other than the suffix, or a C1 control after decoding:
///   `.controlCharacter`, the whole line is refused.
/// - Bytes that are not well-formed UTF-8: `.invalidUTF8`.
/// - With an AIM policy other than `.none`, a leading `]` + two ASCII letters or digits is
///   stripped and reported as the symbology; `.required` refuses lines without one.
public struct ScanLineFramer: Sendable {
    /// The configured line suffix.
    public enum Suffix: String, Sendable, Equatable, CaseIterable {
        /// CR (0x0D). A LF right after the CR, even in the next read, is swallowed.
        case carriageReturn
        /// LF (0x0A). A CR anywhere is a control character.
        case lineFeed
        /// CR LF. The CR ends the line and the LF after it is swallowed, even in the next read;
        /// a lone LF also ends a line, for scanners that drop the CR.
        case carriageReturnLineFeed
    }

    /// Whether lines carry an AIM symbology identifier (`]Q1` for QR Code).
    public enum AIMPrefixPolicy: String, Sendable, Equatable {
        /// Never strip; a leading `]` belongs to the payload.
        case none
        /// Strip `]` + two ASCII letters or digits when a line starts with it.
        case optional
        /// Strip it, and refuse lines without one as `.missingSymbologyIdentifier`.
        case required
    }

    /// How lines are framed; fixed for the framer's lifetime.
    public struct Configuration: Sendable, Equatable {
        /// The line suffix the scanner is set up to send.
        public var suffix: Suffix
        /// Whether lines start with an AIM symbology identifier.
        public var aimPrefix: AIMPrefixPolicy
        /// The longest line accepted, in bytes, including any AIM prefix; at least 1.
        public var maximumLength: Int

        /// A configuration; `maximumLength` below 1 is raised to 1.
        public init(suffix: Suffix = .carriageReturn, aimPrefix: AIMPrefixPolicy = .optional, maximumLength: Int = 1024) {
            self.suffix = suffix
            self.aimPrefix = aimPrefix
            self.maximumLength = max(1, maximumLength)
        }
    }

    /// The configuration in force.
    public let configuration: Configuration
    private var line: [UInt8] = []
    private var overflowed = false
    private var swallowNextLineFeed = false

    /// A framer with an empty buffer.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        line.reserveCapacity(min(configuration.maximumLength, 4096))
    }

    /// Bytes of the current, unterminated line held in the buffer (0…`maximumLength`).
    public var pendingByteCount: Int { line.count }

    /// Appends `bytes` and returns an outcome for every line they terminate, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ScanOutcome] {
        var outcomes: [ScanOutcome] = []
        for byte in bytes {
            if swallowNextLineFeed {
                swallowNextLineFeed = false
                if byte == Self.lineFeed { continue }
            }
            if isTerminator(byte) {
                if let outcome = finishLine() { outcomes.append(outcome) }
                swallowNextLineFeed = byte == Self.carriageReturn
                continue
            }
            if overflowed { continue }
            guard line.count < configuration.maximumLength else {
                overflowed = true
                line.removeAll(keepingCapacity: true)
                continue
            }
            line.append(byte)
        }
        return outcomes
    }

    /// Drops the unterminated line (after a disconnect or a port reopen).
    public mutating func reset() {
        line.removeAll(keepingCapacity: true)
        overflowed = false
        swallowNextLineFeed = false
    }

    private func isTerminator(_ byte: UInt8) -> Bool {
        switch configuration.suffix {
        case .carriageReturn: byte == Self.carriageReturn
        case .lineFeed: byte == Self.lineFeed
        case .carriageReturnLineFeed: byte == Self.carriageReturn || byte == Self.lineFeed
        }
    }

    /// The outcome of the buffered line, or `nil` for an empty one; clears the buffer.
    private mutating func finishLine() -> ScanOutcome? {
        defer {
            line.removeAll(keepingCapacity: true)
            overflowed = false
        }
        if overflowed { return .rejected(.tooLong(limit: configuration.maximumLength)) }
        if line.isEmpty { return nil }
        if let control = line.first(where: { $0 < 0x20 || $0 == 0x7F }) {
            return .rejected(.controlCharacter(UInt32(control)))
        }
        var payload = line[...]
        var symbology: String?
        if configuration.aimPrefix != .none, let identifier = Self.aimIdentifier(at: payload) {
            symbology = identifier
            payload = payload.dropFirst(3)
            if payload.isEmpty { return .rejected(.emptyPayload) }
        } else if configuration.aimPrefix == .required {
            return .rejected(.missingSymbologyIdentifier)
        }
        switch ScanPayloadCheck.text(from: Array(payload)) {
        case .success(let text): return .scanned(Scan(text: text, symbology: symbology, source: .serialLine))
        case .failure(let reason): return .rejected(reason)
        }
    }

    /// The two identifier characters when `bytes` starts with `]` and two ASCII alphanumerics.
    private static func aimIdentifier(at bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count >= 3, bytes[bytes.startIndex] == UInt8(ascii: "]") else { return nil }
        let code = bytes[bytes.startIndex + 1]
        let modifier = bytes[bytes.startIndex + 2]
        guard isAlphanumeric(code), isAlphanumeric(modifier) else { return nil }
        return String(decoding: [code, modifier], as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static let carriageReturn: UInt8 = 0x0D
    private static let lineFeed: UInt8 = 0x0A
}
