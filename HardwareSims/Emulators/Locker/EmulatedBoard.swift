import DeviceProtocols

/// One emulated board on the bus: its channels, the release pulses in flight, whether it talks,
/// and (WKLY) the door inputs it last reported, so it knows when to push a change.
struct EmulatedBoard: Sendable {
    /// The board's bus address.
    let address: UInt8
    /// Physical state per channel; index 0 is channel 1.
    var channels: [LockChannelState]
    /// When each channel's release pulse ends, or `nil` when no pulse runs.
    var pulseEnds: [Duration?]
    /// The board answers and pushes frames.
    var online = true
    /// The door inputs as last reported to the host (WKLY pushes `85` when these change).
    var reportedDoorOpen: [Bool]
    /// Channels whose door opens and stays open at their next release (`doorLeftOpen`).
    var leaveOpenOnRelease: Set<Int> = []

    /// A powered, idle board with `channelCount` latched, closed, empty channels.
    init(address: UInt8, channelCount: Int) {
        self.address = address
        self.channels = Array(repeating: .idle, count: channelCount)
        self.pulseEnds = Array(repeating: nil, count: channelCount)
        self.reportedDoorOpen = Array(repeating: false, count: channelCount)
    }

    /// What the board's inputs read at one moment, after any stuck-sensor faults.
    struct Reading: Sendable, Equatable {
        /// The board's bus address.
        var address: UInt8
        /// Latch engaged per channel.
        var latched: [Bool]
        /// Door input reads open per channel.
        var doorOpen: [Bool]
        /// Item sensor reads present per channel.
        var itemPresent: [Bool]

        /// A reading of an idle board: everything latched and closed, nothing inside.
        static func idle(address: UInt8, channelCount: Int) -> Reading {
            Reading(
                address: address, latched: Array(repeating: true, count: channelCount),
                doorOpen: Array(repeating: false, count: channelCount),
                itemPresent: Array(repeating: false, count: channelCount))
        }

        /// Kerong hook word: bit n (lock n+1) is 1 when the latch is engaged and the door reads
        /// closed — the hook switch reads "locked/closed" only then.
        var kerongHooks: UInt16 {
            bits { latched[$0] && !doorOpen[$0] }
        }

        /// Kerong infrared word: bit n (lock n+1) is 1 when an item reads present.
        var kerongSensors: UInt16 {
            bits { itemPresent[$0] }
        }

        /// WKLY door state of the 0-based channel `index`, `.error` when out of range.
        func wklyDoor(_ index: Int) -> WKLYMessage.DoorState {
            guard doorOpen.indices.contains(index) else { return .error }
            return doorOpen[index] ? .open : .closed
        }

        private func bits(_ isSet: (Int) -> Bool) -> UInt16 {
            var word: UInt16 = 0
            for index in 0..<min(16, latched.count) where isSet(index) {
                word |= 1 << UInt16(index)
            }
            return word
        }
    }
}
