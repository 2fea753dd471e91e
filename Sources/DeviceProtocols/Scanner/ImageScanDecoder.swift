import KioskHAL

/// Turns what zbar found in one camera frame or image file into scan outcomes, with no I/O:
/// every symbol keeps its type (as an AIM symbology identifier where one is defined) and goes
/// through the same checks as a serial line: bounded length, strict UTF-8, no control characters.
///
/// Order: QR codes first (the kiosk's own codes), then the other symbols, each group in zbar's
/// order; identical symbols in one frame are reported once. The driver passes every outcome
/// through its `ScanGate`, so an armed scanner delivers the first accepted symbol of a frame and
/// the others are dropped as disarmed; a frame with no symbol yields nothing.
public struct ImageScanDecoder: Sendable {
    /// The longest payload accepted, in bytes; at least 1.
    public let maximumLength: Int

    /// A decoder; `maximumLength` below 1 is raised to 1.
    public init(maximumLength: Int = 1024) {
        self.maximumLength = max(1, maximumLength)
    }

    /// One outcome per distinct symbol, QR codes first.
    public func outcomes(for symbols: [DecodedSymbol]) -> [ScanOutcome] {
        var seen = Set<DecodedSymbol.Identity>()
        let ordered = symbols.filter(\.isQRCode) + symbols.filter { !$0.isQRCode }
        return ordered.compactMap { symbol in
            guard seen.insert(symbol.identity).inserted else { return nil }
            return outcome(for: symbol)
        }
    }

    /// The outcome for one symbol.
    public func outcome(for symbol: DecodedSymbol) -> ScanOutcome {
        guard !symbol.bytes.isEmpty else { return .rejected(.emptyPayload) }
        guard symbol.bytes.count <= maximumLength else { return .rejected(.tooLong(limit: maximumLength)) }
        switch ScanPayloadCheck.text(from: symbol.bytes) {
        case .success(let text):
            return .scanned(Scan(text: text, symbology: Self.aimIdentifier(forZBarType: symbol.typeCode), source: .image))
        case .failure(let reason):
            return .rejected(reason)
        }
    }

    /// The AIM symbology identifier (without `]`, default modifier) for zbar's symbol type:
    /// QR Code `Q1`, Code 128 `C0`, Code 39 `A0`, EAN-13 `E0`, EAN-8 `E4`, Interleaved 2 of 5
    /// `I0`, PDF417 `L2`; `nil` for the types without a table entry here.
    public static func aimIdentifier(forZBarType type: UInt32) -> String? {
        switch type {
        case 64: "Q1"
        case 128: "C0"
        case 39: "A0"
        case 13: "E0"
        case 8: "E4"
        case 25: "I0"
        case 57: "L2"
        default: nil
        }
    }
}

extension DecodedSymbol {
    /// Type and payload, which make two symbols in one frame the same code.
    struct Identity: Hashable {
        let typeCode: UInt32
        let bytes: [UInt8]
    }

    var identity: Identity { Identity(typeCode: typeCode, bytes: bytes) }
}
