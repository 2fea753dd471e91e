import DeviceProtocols
import KioskHAL

// The control API: present a code (as text or as an image) and play faults; wedge key records.
extension ScannerEmulator {
    /// Sends `text` as one scan in the emulator's mode.
    /// - Throws: `ScannerControlError.emptyText`; `.unmappableCharacter` in keyboard-wedge mode
    ///   for a character the US layout cannot type (anything outside printable ASCII).
    public func scan(text: String) throws(ScannerControlError) {
        guard !text.isEmpty else { throw .emptyText }
        let bytes: [UInt8]
        switch mode {
        case .serialLine(let suffix, let aimPrefix):
            bytes = (aimPrefix ? Self.aimQRPrefix : []) + Array(text.utf8) + suffix.bytes
        case .keyboardWedge:
            bytes = try wedgeRecords(typing: text)
        }
        enqueue(.bytes(bytes))
        sent.append(text)
    }

    /// Decodes `image` with zbar and sends each symbol's text as one scan, in decoder order.
    /// Returns the texts sent.
    /// - Throws: `ScannerControlError.noSymbolInImage` when nothing decodes, `.imageNotDecodable`
    ///   when zbar refuses the image, `.symbolNotText` for non-UTF-8 symbol data, and whatever
    ///   `scan(text:)` throws (nothing is sent then).
    @discardableResult
    public func scan(image: GreyImage) throws(ScannerControlError) -> [String] {
        let symbols: [DecodedSymbol]
        do {
            symbols = try BarcodeImageDecoder().decode(image)
        } catch {
            throw .imageNotDecodable(error.description)
        }
        guard !symbols.isEmpty else { throw .noSymbolInImage }
        var texts: [String] = []
        for symbol in symbols {
            guard let text = symbol.text else { throw .symbolNotText }
            texts.append(text)
        }
        for text in texts { try scan(text: text) }
        return texts
    }

    /// Fault: sends `bytes` as they are, with no framing (line noise, a misconfigured scanner).
    public func sendGarbage(_ bytes: [UInt8]) {
        enqueue(.bytes(bytes))
    }

    /// Fault: sends `text` without any suffix, then stays silent for `pause` (a scanner that
    /// lost its terminator, or a cable pulled mid-line). Serial-line mode sends the payload
    /// bytes; keyboard-wedge mode types the keys without Enter.
    /// - Throws: as `scan(text:)`.
    public func sendUnterminated(text: String, pause: Duration) throws(ScannerControlError) {
        guard !text.isEmpty else { throw .emptyText }
        switch mode {
        case .serialLine(_, let aimPrefix):
            enqueue(.bytes((aimPrefix ? Self.aimQRPrefix : []) + Array(text.utf8)))
        case .keyboardWedge:
            enqueue(.bytes(try wedgeRecords(typing: text, enter: false)))
        }
        enqueue(.pause(pause))
    }

    /// Fault: sends a payload of `length` repetitions of `filler` (ASCII), terminated as a
    /// normal scan, to exercise the driver's length bound.
    /// - Throws: `ScannerControlError.emptyText` when `length` < 1.
    public func sendOverlong(length: Int, filler: Character = "A") throws(ScannerControlError) {
        guard length >= 1 else { throw .emptyText }
        try scan(text: String(repeating: filler, count: length))
    }
}

// Keyboard-wedge output: evdev key records typing a text on the US layout.
extension ScannerEmulator {
    /// Where each typeable character sits on the US layout: its key code and whether Shift is held.
    /// Main-block keys are preferred over the numeric keypad.
    static let usKeyPositions: [Character: (code: UInt16, shifted: Bool)] = {
        var positions: [Character: (code: UInt16, shifted: Bool)] = [:]
        for (code, key) in KeyboardLayout.unitedStates.keys.sorted(by: { $0.key < $1.key }) {
            if positions[key.plain] == nil { positions[key.plain] = (code, false) }
            if positions[key.shifted] == nil { positions[key.shifted] = (code, true) }
        }
        return positions
    }()

    /// The records a wedge scanner emits typing `text`: for each character Shift down when
    /// needed, key press, key release, Shift up; then Enter press and release unless `enter` is
    /// false. Timestamps advance 1 ms per record from the emulator's clock.
    /// - Throws: `ScannerControlError.unmappableCharacter` for a character off the layout.
    func wedgeRecords(typing text: String, enter: Bool = true) throws(ScannerControlError) -> [UInt8] {
        var keys: [(code: UInt16, value: Int32)] = []
        for character in text {
            guard let position = Self.usKeyPositions[character] else { throw .unmappableCharacter(character) }
            if position.shifted { keys.append((KeyboardLayout.leftShift, EvdevEvent.pressed)) }
            keys.append((position.code, EvdevEvent.pressed))
            keys.append((position.code, EvdevEvent.released))
            if position.shifted { keys.append((KeyboardLayout.leftShift, EvdevEvent.released)) }
        }
        if enter {
            keys.append((KeyboardLayout.enter, EvdevEvent.pressed))
            keys.append((KeyboardLayout.enter, EvdevEvent.released))
        }
        var time = max(elapsed(), lastEventTime + .milliseconds(1))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(keys.count * EvdevEvent.byteCount)
        for key in keys {
            bytes += EvdevEvent.key(key.code, value: key.value, at: time).encoded
            time += .milliseconds(1)
        }
        lastEventTime = time
        return bytes
    }
}
