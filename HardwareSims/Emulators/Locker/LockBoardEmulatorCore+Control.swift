// The emulator's second face: what a person (or a test) does to the lockers, at the current
// emulator time. Channels are 1-based. Impossible actions throw `LockControlError` and change
// nothing. Door changes on WKLY boards queue `85` pushes: collect them with
// `takeDueTransmissions()` (or the next `advance(to:)`/`receive(_:at:)`).
extension LockBoardEmulatorCore {
    /// The physical state of one channel.
    /// - Throws: `.noSuchBoard`, `.noSuchChannel`.
    public func state(board: UInt8, channel: Int) throws(LockControlError) -> LockChannelState {
        let index = try checked(board: board, channel: channel)
        return boards[board]?.channels[index] ?? .idle
    }

    /// Whether the board is online (answers and pushes) through the control API.
    /// - Throws: `.noSuchBoard`.
    public func isOnline(board: UInt8) throws(LockControlError) -> Bool {
        guard let found = boards[board] else { throw .noSuchBoard(board) }
        return found.online
    }

    /// A person opens an unlatched door.
    /// - Throws: `.doorLatched` (use `forceDoor`), `.doorAlreadyOpen`, `.noSuchBoard`, `.noSuchChannel`.
    public mutating func openDoor(board: UInt8, channel: Int) throws(LockControlError) {
        let index = try checked(board: board, channel: channel)
        let current = try state(board: board, channel: channel)
        guard !current.doorOpen else { throw .doorAlreadyOpen(board: board, channel: channel) }
        guard !current.latched else { throw .doorLatched(board: board, channel: channel) }
        boards[board]?.channels[index].doorOpen = true
        record(.doorOpened, board: board, channel: channel)
        syncDoorReports()
    }

    /// A person closes an open door; it latches at once unless a release pulse still runs.
    /// - Throws: `.doorAlreadyClosed`, `.noSuchBoard`, `.noSuchChannel`.
    public mutating func closeDoor(board: UInt8, channel: Int) throws(LockControlError) {
        let index = try checked(board: board, channel: channel)
        guard try state(board: board, channel: channel).doorOpen else {
            throw .doorAlreadyClosed(board: board, channel: channel)
        }
        shutDoor(board: board, index: index)
        syncDoorReports()
    }

    /// Someone forces a closed door open, latched or not; recorded as forced if it was latched.
    /// - Throws: `.doorAlreadyOpen`, `.noSuchBoard`, `.noSuchChannel`.
    public mutating func forceDoor(board: UInt8, channel: Int) throws(LockControlError) {
        let index = try checked(board: board, channel: channel)
        guard try !state(board: board, channel: channel).doorOpen else {
            throw .doorAlreadyOpen(board: board, channel: channel)
        }
        breakOpen(board: board, index: index)
        syncDoorReports()
    }

    /// Puts an item in the slot through its open door.
    /// - Throws: `.doorClosed`, `.slotOccupied`, `.noSuchBoard`, `.noSuchChannel`.
    public mutating func putItem(board: UInt8, channel: Int) throws(LockControlError) {
        let index = try checked(board: board, channel: channel)
        let current = try state(board: board, channel: channel)
        guard current.doorOpen else { throw .doorClosed(board: board, channel: channel) }
        guard !current.itemPresent else { throw .slotOccupied(board: board, channel: channel) }
        boards[board]?.channels[index].itemPresent = true
        record(.itemPut, board: board, channel: channel)
    }

    /// Takes the item out of the slot through its open door.
    /// - Throws: `.doorClosed`, `.slotEmpty`, `.noSuchBoard`, `.noSuchChannel`.
    public mutating func takeItem(board: UInt8, channel: Int) throws(LockControlError) {
        let index = try checked(board: board, channel: channel)
        let current = try state(board: board, channel: channel)
        guard current.doorOpen else { throw .doorClosed(board: board, channel: channel) }
        guard current.itemPresent else { throw .slotEmpty(board: board, channel: channel) }
        boards[board]?.channels[index].itemPresent = false
        record(.itemTaken, board: board, channel: channel)
    }

    /// Connects or disconnects a board from the bus: offline boards ignore requests, answer and
    /// push nothing, and door changes made while offline are never pushed.
    /// - Throws: `.noSuchBoard`.
    public mutating func setOnline(board: UInt8, _ online: Bool) throws(LockControlError) {
        guard boards[board] != nil else { throw .noSuchBoard(board) }
        boards[board]?.online = online
        record(.onlineChanged(online), board: board)
        if online, let inputs = reading(of: board)?.doorOpen { boards[board]?.reportedDoorOpen = inputs }
    }

    /// Cuts and restores a board's power: pulses and queued replies are lost, closed doors
    /// re-latch, open doors stay as they are and latch when closed.
    /// - Throws: `.noSuchBoard`.
    public mutating func powerCycle(board: UInt8) throws(LockControlError) {
        guard boards[board] != nil else { throw .noSuchBoard(board) }
        restart(board: board)
    }

    /// Validates a board and 1-based channel and returns the 0-based index.
    private func checked(board: UInt8, channel: Int) throws(LockControlError) -> Int {
        guard let found = boards[board] else { throw .noSuchBoard(board) }
        guard found.channels.indices.contains(channel - 1) else {
            throw .noSuchChannel(board: board, channel: channel)
        }
        return channel - 1
    }
}
