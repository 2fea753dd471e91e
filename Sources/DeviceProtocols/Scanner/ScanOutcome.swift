import KioskHAL

/// What a scanner codec produced for one terminated input: a checked scan or a typed rejection.
public enum ScanOutcome: Sendable, Equatable {
    /// A payload that passed every check.
    case scanned(Scan)
    /// A payload that was refused, with why.
    case rejected(ScanRejection)

    /// The same outcome as a HAL event (before any arming or debounce policy).
    public var event: ScanEvent {
        switch self {
        case .scanned(let scan): .scanned(scan)
        case .rejected(let reason): .rejected(reason)
        }
    }
}

/// The payload checks every scanner codec shares: strict UTF-8 and no control characters.
enum ScanPayloadCheck {
    /// `bytes` as a string, or the first reason to refuse it: `.invalidUTF8` for malformed
    /// UTF-8, `.controlCharacter` for any C0, DEL or C1 scalar.
    static func text(from bytes: [UInt8]) -> Result<String, ScanRejection> {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.invalidUTF8) }
        if let control = text.unicodeScalars.first(where: isControl) {
            return .failure(.controlCharacter(control.value))
        }
        return .success(text)
    }

    /// Whether `scalar` is a C0 control, DEL or a C1 control.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
