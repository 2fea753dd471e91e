/// Which lock-board protocol an emulated bus speaks, and what its boards can address.
public enum LockBoardFamily: Sendable, Equatable {
    /// Kerong KR-CU16 short frames: 16 channels per board, boards 0–15, polled; no reply to unlocks.
    case kerong
    /// WKLY frames: `channels` per board (1–64), boards 0–31; replies to opens, pushes door changes.
    case wkly(channels: Int)

    /// Channels on each board: 16 for Kerong, the configured 1–64 for WKLY.
    public var channelsPerBoard: Int {
        switch self {
        case .kerong: 16
        case .wkly(let channels): channels
        }
    }

    /// The highest board address the family can use: 15 for Kerong, 31 for WKLY.
    public var maximumBoard: UInt8 {
        switch self {
        case .kerong: 15
        case .wkly: 31
        }
    }
}

/// How one emulated RS-485 bus is built: its family, the boards present, the release pulse and
/// whether doors spring ajar when their latch releases.
public struct LockBusConfiguration: Sendable, Equatable {
    /// The protocol every board on this bus speaks.
    public var family: LockBoardFamily
    /// Board addresses present on the bus (Kerong 0–15, WKLY 0–31); duplicates are ignored.
    public var boards: [UInt8]
    /// How long a latch stays released after an unlock command; must be positive. Default 500 ms.
    public var pulse: Duration
    /// Doors are pushed ajar by a spring when their latch releases (the door then reads open).
    public var doorPopsOpenOnRelease: Bool

    /// A bus configuration. `doorPopsOpenOnRelease` defaults to `true` for WKLY (spring-loaded
    /// cabinet locks, so an open reply reports the door open) and `false` for Kerong.
    public init(
        family: LockBoardFamily, boards: [UInt8] = [0], pulse: Duration = .milliseconds(500),
        doorPopsOpenOnRelease: Bool? = nil
    ) {
        self.family = family
        self.boards = boards
        self.pulse = pulse
        if let doorPopsOpenOnRelease {
            self.doorPopsOpenOnRelease = doorPopsOpenOnRelease
        } else if case .wkly = family {
            self.doorPopsOpenOnRelease = true
        } else {
            self.doorPopsOpenOnRelease = false
        }
    }

    /// Checks addresses, channel count and pulse.
    /// - Throws: `LockControlError.invalidConfiguration` naming the first problem found.
    public func validate() throws(LockControlError) {
        guard (1...64).contains(family.channelsPerBoard) else {
            throw .invalidConfiguration("channels per board must be 1–64, got \(family.channelsPerBoard)")
        }
        guard !boards.isEmpty else { throw .invalidConfiguration("a bus needs at least one board") }
        if let bad = boards.first(where: { $0 > family.maximumBoard }) {
            throw .invalidConfiguration("board \(bad) is above the family's maximum \(family.maximumBoard)")
        }
        guard pulse > .zero else { throw .invalidConfiguration("the release pulse must be positive") }
    }
}
