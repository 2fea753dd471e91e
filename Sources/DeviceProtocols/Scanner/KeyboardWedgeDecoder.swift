import KioskHAL

/// Turns a keyboard-wedge scanner's evdev key events into scans, with no I/O and no clock: the
/// events carry their own timestamps and the caller reports idle time with `idle(at:)`.
///
/// A scan ends on `KEY_ENTER` (28) or `KEY_KPENTER` (96), or when no key went down for
/// `idleGap`. Press (1) and repeat (2) type a character; releases only matter for the shift
/// keys, tracked left and right separately. A key the layout cannot map (Ctrl, Alt, function
/// keys, Alt+keypad sequences) refuses the whole scan as `.unknownKey`. Only printable ASCII
/// can arrive this way: a wedge types key codes, so Vietnamese text (or any non-ASCII) in a QR
/// is lost or mangled by the scanner before it reaches us; read such codes over a serial line.
public struct KeyboardWedgeDecoder: Sendable {
    /// How scans are delimited; fixed for the decoder's lifetime.
    public struct Configuration: Sendable, Equatable {
        /// The scanner's keyboard country.
        public var layout: KeyboardLayout
        /// The gap between key presses that ends a scan without Enter; typically 50–100 ms.
        public var idleGap: Duration
        /// The longest scan accepted, in characters; at least 1.
        public var maximumLength: Int

        /// A configuration; `maximumLength` below 1 is raised to 1.
        public init(layout: KeyboardLayout = .unitedStates, idleGap: Duration = .milliseconds(80), maximumLength: Int = 1024) {
            self.layout = layout
            self.idleGap = idleGap
            self.maximumLength = max(1, maximumLength)
        }
    }

    /// The configuration in force.
    public let configuration: Configuration
    private var text = ""
    private var count = 0
    private var rejection: ScanRejection?
    private var leftShift = false
    private var rightShift = false
    private var lastKeyDown: Duration?

    /// A decoder with no scan in progress and both shift keys up.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Whether a scan is in progress (a key went down since the last end).
    public var isScanInProgress: Bool { lastKeyDown != nil }

    /// Handles every event in order and returns the outcomes of the scans they end.
    public mutating func feed(_ events: some Sequence<EvdevEvent>) -> [ScanOutcome] {
        events.flatMap { handle($0) }
    }

    /// Handles one event; returns the outcome of a scan it ends (by Enter, or by arriving after
    /// an idle gap, in which case the new key starts the next scan). Non-key events are ignored.
    public mutating func handle(_ event: EvdevEvent) -> [ScanOutcome] {
        guard event.type == EvdevEvent.key else { return [] }
        if event.code == KeyboardLayout.leftShift || event.code == KeyboardLayout.rightShift {
            let down = event.value != EvdevEvent.released
            if event.code == KeyboardLayout.leftShift { leftShift = down } else { rightShift = down }
            return []
        }
        guard event.isKeyDown else { return [] }
        var outcomes: [ScanOutcome] = []
        let time = event.timestamp
        if let last = lastKeyDown, time - last > configuration.idleGap, let outcome = finish() {
            outcomes.append(outcome)
        }
        if event.code == KeyboardLayout.enter || event.code == KeyboardLayout.keypadEnter {
            if let outcome = finish() { outcomes.append(outcome) }
            return outcomes
        }
        lastKeyDown = time
        typeKey(event.code)
        return outcomes
    }

    /// Ends the scan in progress when the last key went down more than `idleGap` before `now`
    /// (same clock as the events' timestamps); returns its outcome, or `nil` when nothing ends.
    public mutating func idle(at now: Duration) -> ScanOutcome? {
        guard let last = lastKeyDown, now - last > configuration.idleGap else { return nil }
        return finish()
    }

    /// Drops a scan in progress and forgets the shift state (after the device was reopened).
    public mutating func reset() {
        _ = finish()
        leftShift = false
        rightShift = false
    }

    private mutating func typeKey(_ code: UInt16) {
        guard rejection == nil else { return }
        guard let character = configuration.layout.character(for: code, shifted: leftShift || rightShift) else {
            rejection = .unknownKey(code: code)
            return
        }
        guard count < configuration.maximumLength else {
            rejection = .tooLong(limit: configuration.maximumLength)
            return
        }
        text.append(character)
        count += 1
    }

    /// The outcome of the scan in progress, or `nil` when none is; starts a fresh scan.
    private mutating func finish() -> ScanOutcome? {
        defer {
            text = ""
            count = 0
            rejection = nil
            lastKeyDown = nil
        }
        if let rejection { return .rejected(rejection) }
        guard !text.isEmpty else { return nil }
        if let control = text.unicodeScalars.first(where: ScanPayloadCheck.isControl) {
            return .rejected(.controlCharacter(control.value))
        }
        return .scanned(Scan(text: text, source: .keyboardWedge))
    }
}
