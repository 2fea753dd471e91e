// The control API of a served emulator: the same actions as on `LockBoardEmulatorCore`, taken
// at the current emulator time. Channels are 1-based; impossible actions throw
// `LockControlError` and change nothing.
extension LockBoardEmulator {
    /// The physical state of one channel.
    /// - Throws: `.noSuchBoard`, `.noSuchChannel`.
    public func state(board: UInt8, channel: Int) throws(LockControlError) -> LockChannelState {
        try control { core throws(LockControlError) in try core.state(board: board, channel: channel) }
    }

    /// A person opens an unlatched door.
    /// - Throws: `.doorLatched`, `.doorAlreadyOpen`, `.noSuchBoard`, `.noSuchChannel`.
    public func openDoor(board: UInt8, channel: Int) throws(LockControlError) {
        try control { core throws(LockControlError) in try core.openDoor(board: board, channel: channel) }
    }

    /// A person closes an open door.
    /// - Throws: `.doorAlreadyClosed`, `.noSuchBoard`, `.noSuchChannel`.
    public func closeDoor(board: UInt8, channel: Int) throws(LockControlError) {
        try control { core throws(LockControlError) in try core.closeDoor(board: board, channel: channel) }
    }

    /// Someone forces a closed door open.
    /// - Throws: `.doorAlreadyOpen`, `.noSuchBoard`, `.noSuchChannel`.
    public func forceDoor(board: UInt8, channel: Int) throws(LockControlError) {
        try control { core throws(LockControlError) in try core.forceDoor(board: board, channel: channel) }
    }

    /// Puts an item in through the open door.
    /// - Throws: `.doorClosed`, `.slotOccupied`, `.noSuchBoard`, `.noSuchChannel`.
    public func putItem(board: UInt8, channel: Int) throws(LockControlError) {
        try control { core throws(LockControlError) in try core.putItem(board: board, channel: channel) }
    }

    /// Takes the item out through the open door.
    /// - Throws: `.doorClosed`, `.slotEmpty`, `.noSuchBoard`, `.noSuchChannel`.
    public func takeItem(board: UInt8, channel: Int) throws(LockControlError) {
        try control { core throws(LockControlError) in try core.takeItem(board: board, channel: channel) }
    }

    /// Connects or disconnects a board.
    /// - Throws: `.noSuchBoard`.
    public func setOnline(board: UInt8, _ online: Bool) throws(LockControlError) {
        try control { core throws(LockControlError) in try core.setOnline(board: board, online) }
    }

    /// Cuts and restores a board's power.
    /// - Throws: `.noSuchBoard`.
    public func powerCycle(board: UInt8) throws(LockControlError) {
        try control { core throws(LockControlError) in try core.powerCycle(board: board) }
    }

    /// Adds the faults of `plan` at the current emulator time.
    public func install(_ plan: FaultPlan) {
        core.step(to: elapsed())
        core.install(plan)
    }

    /// Everything that happened so far, oldest first.
    public var log: [EmulatorLogEntry] { core.log }
}
