import DeviceProtocols

extension EscPosPrinterEmulatorCore {
    /// Executes a print or mode command; while stopped, drops everything except a `1B 40` that
    /// finds the printer ready again.
    mutating func execute(_ command: EscPosCommand) {
        if case .initialize = command {
            initialize()
            return
        }
        guard canPrint else {
            if !isStopped { stop() }
            record(.commandDropped(command))
            return
        }
        switch command {
        case .initialize, .statusQuery:
            break
        case .cancelKanjiMode:
            break
        case let .align(newAlignment):
            alignment = newAlignment
            record(.aligned(newAlignment))
        case let .feedLines(lines):
            feed(rows: Int(lines) * lineHeight)
        case let .rasterImage(bitmap, scale):
            printRaster(bitmap, scale: scale)
        case let .cut(cut):
            feed(rows: Int(cut.feedBeforeCut ?? 0))
            performCut(cut.kind)
        }
    }

    /// `1B 40`: modes back to their defaults; resumes a stopped printer whose cause has cleared.
    mutating func initialize() {
        alignment = .left
        if isStopped, online, !coverOpen, paper != .out, !cutterError {
            isStopped = false
        }
        record(.initialized)
    }

    /// Stops printing: keeps the page in progress as incomplete and drops later commands.
    mutating func stop() {
        isStopped = true
        let index = finishPage(cut: nil, complete: false)
        record(.stopped(page: index))
    }

    /// Adds `rows` blank rows to the page in progress.
    mutating func feed(rows: Int) {
        guard rows > 0 else { return }
        let room = MonoBitmap.maxHeight - pageRowCount
        let added = min(rows, room)
        pageRows += repeatElement(0, count: added * bytesPerRow)
        pageRowCount += added
        if added < rows { record(.pageOverflow(rows: rows - added)) }
        record(.fed(rows: added))
    }

    /// Prints a strip row by row, placed by the alignment and scaled; a row-count fault that
    /// stops the printer cuts the strip short there.
    mutating func printRaster(_ bitmap: MonoBitmap, scale: EscPosRasterScale) {
        let xFactor = (scale == .doubleWidth || scale == .quadruple) ? 2 : 1
        let yFactor = (scale == .doubleHeight || scale == .quadruple) ? 2 : 1
        let drawnWidth = bitmap.width * xFactor
        if drawnWidth > paperWidth { record(.rasterClipped(width: drawnWidth)) }
        let left: Int
        switch alignment {
        case .left: left = 0
        case .center: left = max(0, (paperWidth - drawnWidth) / 2)
        case .right: left = max(0, paperWidth - drawnWidth)
        }
        var printed = 0
        for y in 0..<bitmap.height {
            activateRowFaults()
            guard canPrint else { break }
            let row = rasterRow(bitmap, y: y, left: left, xFactor: xFactor)
            for _ in 0..<yFactor where pageRowCount < MonoBitmap.maxHeight {
                pageRows += row
                pageRowCount += 1
            }
            printed += 1
            rasterRowsPrinted += 1
        }
        activateRowFaults()
        record(.rasterPrinted(rows: printed, of: bitmap.height))
        if !canPrint, !isStopped { stop() }
    }

    /// One packed page row holding row `y` of `bitmap` from dot `left`, each dot `xFactor` wide.
    private func rasterRow(_ bitmap: MonoBitmap, y: Int, left: Int, xFactor: Int) -> [UInt8] {
        var row = [UInt8](repeating: 0, count: bytesPerRow)
        if xFactor == 1, left % 8 == 0 {
            let source = bitmap.packedRows(y..<(y + 1))
            let start = left / 8
            for (offset, byte) in source.enumerated() where start + offset < bytesPerRow {
                row[start + offset] = byte
            }
            return row
        }
        for x in 0..<bitmap.width where bitmap.isBlack(x: x, y: y) == true {
            for copy in 0..<xFactor {
                let dot = left + x * xFactor + copy
                guard dot < paperWidth else { break }
                row[dot >> 3] |= 0x80 >> UInt8(dot & 7)
            }
        }
        return row
    }

    /// Cuts the paper: finishes the page, or keeps it uncut and stops when the cutter fails.
    mutating func performCut(_ kind: EscPosCut.Kind) {
        if cutterFailsOnNextCut {
            cutterFailsOnNextCut = false
            cutterError = true
            let index = finishPage(cut: nil, complete: true)
            isStopped = true
            record(.cutterFailed(page: index))
            return
        }
        guard let index = finishPage(cut: kind, complete: true) else {
            record(.emptyCut(kind))
            return
        }
        record(.cut(kind, page: index))
    }

    /// Moves the page in progress to `pages`; returns its index, or `nil` when it was empty.
    @discardableResult
    mutating func finishPage(cut: EscPosCut.Kind?, complete: Bool) -> Int? {
        guard pageRowCount > 0 else { return nil }
        defer {
            pageRows = []
            pageRowCount = 0
        }
        do throws(MonoBitmapError) {
            let bitmap = try MonoBitmap(width: paperWidth, height: pageRowCount, packedRows: pageRows)
            pages.append(PrintedPage(bitmap: bitmap, cut: cut, isComplete: complete))
            return pages.count - 1
        } catch {
            // Unreachable: rows are whole bytes of a width that is a multiple of 8, height capped.
            record(.unknownBytes(count: pageRows.count))
            return nil
        }
    }
}
