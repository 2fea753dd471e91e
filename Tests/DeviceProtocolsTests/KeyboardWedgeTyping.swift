import Testing
@testable import DeviceProtocols

/// Builds the evdev events a US-layout wedge scanner sends, from a hand-written table of Linux
/// `KEY_*` codes (kept independent of `KeyboardLayout.unitedStates`, so the layout is checked
/// against it rather than against itself).
struct KeyboardWedgeTyping {
    /// `KEY_*` codes for the characters the tests type; `true` when shift is needed.
    static let codes: [Character: (code: UInt16, shift: Bool)] = [
        "1": (2, false), "2": (3, false), "3": (4, false), "4": (5, false), "5": (6, false),
        "6": (7, false), "7": (8, false), "8": (9, false), "9": (10, false), "0": (11, false),
        "-": (12, false), "_": (12, true), ".": (52, false), "/": (53, false), ":": (39, true),
        "|": (43, true), "H": (35, true), "h": (35, false), "A": (30, true), "a": (30, false),
        "Q": (16, true), "z": (44, false), " ": (57, false), "?": (53, true),
    ]

    /// The time of the next event; advances 2 ms per key event.
    var time: Duration
    /// Use the right shift key instead of the left one.
    var rightShift = false

    init(startingAt time: Duration = .seconds(1_700_000_000)) {
        self.time = time
    }

    /// Press and release events for every character of `text`, then Enter when `enter`.
    /// A character missing from the table is recorded as a test issue.
    mutating func type(_ text: String, enter: UInt16? = 28) -> [EvdevEvent] {
        var events: [EvdevEvent] = []
        let shiftCode: UInt16 = rightShift ? 54 : 42
        for character in text {
            guard let key = Self.codes[character] else {
                Issue.record("no key code for \(character) in the test table")
                continue
            }
            if key.shift { events.append(contentsOf: next(shiftCode, 1)) }
            events.append(contentsOf: next(key.code, 1))
            events.append(contentsOf: next(key.code, 0))
            if key.shift { events.append(contentsOf: next(shiftCode, 0)) }
        }
        if let enter {
            events.append(contentsOf: next(enter, 1))
            events.append(contentsOf: next(enter, 0))
        }
        return events
    }

    /// One key event at the current time, as the kernel sends it: the EV_MSC scan code, the
    /// EV_KEY event, and the EV_SYN report end; the clock then advances 2 ms.
    mutating func next(_ code: UInt16, _ value: Int32) -> [EvdevEvent] {
        defer { time += .milliseconds(2) }
        let key = EvdevEvent.key(code, value: value, at: time)
        return [EvdevEvent(seconds: key.seconds, microseconds: key.microseconds, type: 4, code: 4, value: 0x7_0000 + Int32(code)),
                key,
                EvdevEvent(seconds: key.seconds, microseconds: key.microseconds, type: 0, code: 0, value: 0)]
    }
}
