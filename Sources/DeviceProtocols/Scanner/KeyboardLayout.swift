/// A map from Linux `KEY_*` codes (not HID usage codes: `KEY_A` is 30, HID 'a' is 4) to the
/// characters a scanner types, unshifted and shifted. It must match the keyboard country the
/// scanner is configured for; the host's XKB layout plays no part at evdev level.
public struct KeyboardLayout: Sendable, Equatable {
    /// The characters one key types.
    public struct Key: Sendable, Equatable {
        /// Without shift.
        public var plain: Character
        /// With either shift key held.
        public var shifted: Character

        /// A key.
        public init(plain: Character, shifted: Character) {
            self.plain = plain
            self.shifted = shifted
        }
    }

    /// The mapped keys by `KEY_*` code; codes not present are unknown keys.
    public let keys: [UInt16: Key]

    /// A layout from a code map.
    public init(keys: [UInt16: Key]) {
        self.keys = keys
    }

    /// The character `code` types with or without shift; `nil` when the layout has no such key.
    public func character(for code: UInt16, shifted: Bool) -> Character? {
        guard let key = keys[code] else { return nil }
        return shifted ? key.shifted : key.plain
    }

    /// `KEY_LEFTSHIFT`.
    public static let leftShift: UInt16 = 42
    /// `KEY_RIGHTSHIFT`.
    public static let rightShift: UInt16 = 54
    /// `KEY_ENTER`.
    public static let enter: UInt16 = 28
    /// `KEY_KPENTER`.
    public static let keypadEnter: UInt16 = 96

    /// The US (ANSI) layout: letters, digits, punctuation and space, plus the numeric keypad as
    /// if Num Lock were on (scanners type keypad digits in some modes).
    public static let unitedStates: KeyboardLayout = {
        var keys: [UInt16: Key] = [:]
        func row(_ first: UInt16, _ plain: String, _ shifted: String) {
            for (offset, pair) in zip(plain, shifted).enumerated() {
                keys[first + UInt16(offset)] = Key(plain: pair.0, shifted: pair.1)
            }
        }
        row(2, "1234567890-=", "!@#$%^&*()_+")      // KEY_1 … KEY_EQUAL
        row(16, "qwertyuiop[]", "QWERTYUIOP{}")      // KEY_Q … KEY_RIGHTBRACE
        row(30, "asdfghjkl;'`", "ASDFGHJKL:\"~")     // KEY_A … KEY_GRAVE
        row(43, "\\zxcvbnm,./", "|ZXCVBNM<>?")       // KEY_BACKSLASH … KEY_SLASH
        row(57, " ", " ")                            // KEY_SPACE
        row(71, "789-456+1230.", "789-456+1230.")    // KEY_KP7 … KEY_KPDOT
        row(55, "*", "*")                            // KEY_KPASTERISK
        row(98, "/", "/")                            // KEY_KPSLASH
        return KeyboardLayout(keys: keys)
    }()
}
