import DeviceProtocols

extension EscPosPrinterEmulatorCore {
    /// Sets the paper sensors (a person loads a roll or the roll runs low). `.out` stops
    /// printing; after `.ok`/`.nearEnd` printing resumes with the next `1B 40`.
    public mutating func setPaper(_ level: PrinterCondition.Paper) {
        paper = level
        record(.control("paper \(level.rawValue)"))
        if level == .out, !isStopped { stop() }
    }

    /// Opens the cover: printing stops until it is closed and `1B 40` arrives.
    public mutating func openCover() {
        coverOpen = true
        record(.control("cover open"))
        if !isStopped { stop() }
    }

    /// Closes the cover; printing resumes with the next `1B 40`.
    public mutating func closeCover() {
        coverOpen = false
        record(.control("cover closed"))
    }

    /// Sets or clears the cutter error; set, it stops printing until cleared and `1B 40` arrives.
    public mutating func setCutterError(_ failed: Bool) {
        cutterError = failed
        if !failed { cutterFailsOnNextCut = false }
        record(.control(failed ? "cutter error" : "cutter ok"))
        if failed, !isStopped { stop() }
    }

    /// Takes the printer online or offline; offline it prints nothing and answers no status.
    public mutating func setOnline(_ isOnline: Bool) {
        online = isOnline
        record(.control(isOnline ? "online" : "offline"))
        if !isOnline, !isStopped { stop() }
    }

    /// Sets or clears the serve loop's slow reading pace.
    public mutating func setReadPace(_ pace: PrinterReadPace?) {
        readPace = pace
        record(.control(pace.map { "slow consumer \($0.maxBytesPerPass) bytes per \($0.delay)" } ?? "normal reading pace"))
    }

    /// Forgets every finished page (the page in progress stays).
    public mutating func clearPages() {
        pages = []
        record(.control("pages cleared"))
    }

    /// The finished page at `index` (0-based, oldest first).
    /// - Throws: `PrinterControlError.noSuchPage` for an index outside `pages`.
    public func page(_ index: Int) throws(PrinterControlError) -> PrintedPage {
        guard pages.indices.contains(index) else { throw .noSuchPage(index: index, count: pages.count) }
        return pages[index]
    }

    /// The finished page at `index` as a PNG file (8-bit grey, black dots 0).
    /// - Throws: `PrinterControlError.noSuchPage` or `.pageTooLargeForImage`.
    public func pagePNG(_ index: Int) throws(PrinterControlError) -> [UInt8] {
        PNGEncoder.encode(try page(index).greyImage())
    }

    /// Installs `plan`: immediate faults act now, counted ones wait for their byte or row.
    public mutating func install(_ plan: PrinterFaultPlan) {
        for scheduled in plan.faults {
            switch scheduled.activation {
            case .immediately:
                activate(scheduled.fault)
            case let .afterBytes(count):
                pendingFaults.append(PrinterScheduledFault(scheduled.fault, activation: .afterBytes(bytesReceived + max(0, count))))
            case let .afterRows(count):
                pendingFaults.append(PrinterScheduledFault(scheduled.fault, activation: .afterRows(rasterRowsPrinted + max(0, count))))
            }
        }
    }

    /// Bytes that may be parsed before the next byte-count fault is due, or `nil` if none waits.
    var bytesUntilNextByteFault: Int? {
        pendingFaults.compactMap { scheduled -> Int? in
            guard case let .afterBytes(total) = scheduled.activation else { return nil }
            return max(0, total - bytesReceived)
        }.min()
    }

    /// Activates every byte-count fault whose byte has been reached.
    mutating func activateByteFaults() {
        let received = bytesReceived
        activateDue { activation in
            if case let .afterBytes(total) = activation { return total <= received }
            return false
        }
    }

    /// Activates every row-count fault whose row has been reached.
    mutating func activateRowFaults() {
        let printed = rasterRowsPrinted
        activateDue { activation in
            if case let .afterRows(total) = activation { return total <= printed }
            return false
        }
    }

    /// Removes and activates the pending faults `isDue` selects, in plan order.
    private mutating func activateDue(_ isDue: (PrinterFaultActivation) -> Bool) {
        let due = pendingFaults.filter { isDue($0.activation) }
        guard !due.isEmpty else { return }
        pendingFaults.removeAll { isDue($0.activation) }
        for scheduled in due { activate(scheduled.fault) }
    }

    /// Makes `fault` take effect now. Faults that stop printing leave the stop to the caller
    /// when a strip is being printed, so the strip is cut short at the right row.
    mutating func activate(_ fault: PrinterFault) {
        record(.faultActivated(fault))
        switch fault {
        case .paperNearEnd:
            if paper == .ok { paper = .nearEnd }
        case .paperOut:
            paper = .out
        case .coverOpen:
            coverOpen = true
        case .cutterErrorOnNextCut:
            cutterFailsOnNextCut = true
        case .offline:
            online = false
        case let .slowConsumer(maxBytesPerPass, delayMilliseconds):
            readPace = PrinterReadPace(maxBytesPerPass: maxBytesPerPass, delay: .milliseconds(delayMilliseconds))
        }
    }
}
