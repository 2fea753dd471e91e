import DeviceProtocols
import KioskHAL

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
