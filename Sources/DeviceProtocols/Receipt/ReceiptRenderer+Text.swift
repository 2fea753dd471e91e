/// Text blocks: wrapped paragraphs, key–value rows with a hanging indent, numbered lists.
extension ReceiptRenderer {
    /// One piece of a line: text in a style starting `x` dots from the paper's left edge.
    struct LinePiece {
        let text: String
        let style: TextStyle
        let x: Int
    }

    /// `text` wrapped to the text width in `style`, each line aligned as asked.
    func paragraph(
        _ text: String, style: TextStyle, alignment: TextAlignment
    ) throws(ReceiptRenderError) -> [GreyImage] {
        let lines = try wrapped(text, style: style, first: profile.textWidthDots, others: profile.textWidthDots)
        var strips: [GreyImage] = []
        for line in lines {
            var x = profile.sideMarginDots
            if alignment == .centred {
                x += max(profile.textWidthDots - (try measured(line, style: style)), 0) / 2
            }
            strips.append(try lineStrip([LinePiece(text: line, style: style, x: x)], pixelSize: style.pixelSize))
        }
        return strips
    }

    /// "key: value" with a bold key. The value starts after the key and its later lines hang
    /// under it; a key wider than a third of the line hangs the value under a shallow indent
    /// instead, and a key wider than two thirds stands on its own line(s).
    func keyValueLines(key: String, value: String, body: TextStyle) throws(ReceiptRenderError) -> [GreyImage] {
        let keyStyle = TextStyle(pixelSize: body.pixelSize, weight: .bold)
        let keyText = key + ": "
        let keyWidth = try measured(keyText, style: keyStyle)
        let textWidth = profile.textWidthDots
        let shallowIndent = min(body.pixelSize * 2, textWidth / 4)
        let margin = profile.sideMarginDots

        if keyWidth > textWidth * 2 / 3 {
            var strips = try paragraph(keyText, style: keyStyle, alignment: .left)
            let lines = try wrapped(value, style: body, first: textWidth - shallowIndent,
                                    others: textWidth - shallowIndent)
            for line in lines {
                strips.append(try lineStrip([LinePiece(text: line, style: body, x: margin + shallowIndent)],
                                            pixelSize: body.pixelSize))
            }
            return strips
        }
        let indent = keyWidth <= textWidth / 3 ? keyWidth : shallowIndent
        let lines = try wrapped(value, style: body, first: textWidth - keyWidth, others: textWidth - indent)
        var strips: [GreyImage] = []
        for (index, line) in lines.enumerated() {
            var pieces: [LinePiece] = []
            if index == 0 {
                pieces.append(LinePiece(text: keyText, style: keyStyle, x: margin))
                pieces.append(LinePiece(text: line, style: body, x: margin + keyWidth))
            } else {
                pieces.append(LinePiece(text: line, style: body, x: margin + indent))
            }
            strips.append(try lineStrip(pieces, pixelSize: body.pixelSize))
        }
        return strips
    }

    /// Items numbered from 1; wrapped item text is indented past the widest number.
    func numberedLines(_ items: [String], body: TextStyle) throws(ReceiptRenderError) -> [GreyImage] {
        let widestNumber = try measured("\(items.count). ", style: body)
        let indent = min(widestNumber, profile.textWidthDots / 3)
        let width = profile.textWidthDots - indent
        var strips: [GreyImage] = []
        for (index, item) in items.enumerated() {
            let lines = try wrapped(item, style: body, first: width, others: width)
            for (lineIndex, line) in lines.enumerated() {
                var pieces = [LinePiece(text: line, style: body, x: profile.sideMarginDots + indent)]
                if lineIndex == 0 {
                    pieces.append(LinePiece(text: "\(index + 1).", style: body, x: profile.sideMarginDots))
                }
                strips.append(try lineStrip(pieces, pixelSize: body.pixelSize))
            }
        }
        return strips
    }

    /// A full-width strip holding `pieces` on one shared baseline. The strip is the face's line
    /// height, grown upwards when a stacked diacritic (e.g. "Ậ") reaches above the ascender.
    func lineStrip(_ pieces: [LinePiece], pixelSize: Int) throws(ReceiptRenderError) -> GreyImage {
        let metrics: FontLineMetrics
        var ascent: Int
        do {
            metrics = try rasteriser.lineMetrics(pixelSize: pixelSize)
            ascent = metrics.ascender
            for piece in pieces {
                ascent = max(ascent, try rasteriser.inkAscent(of: piece.text, style: piece.style))
            }
        } catch {
            throw .text(error)
        }
        let gap = max(metrics.lineHeight - metrics.ascender - metrics.descender, pixelSize / 6)
        var strip = try blankStrip(ascent + metrics.descender + gap)
        do {
            for piece in pieces {
                try rasteriser.draw(piece.text, style: piece.style, into: &strip, x: piece.x, baseline: ascent)
            }
        } catch {
            throw .text(error)
        }
        return strip
    }

    /// `text` wrapped with the given first-line and later-line limits (each at least 1 dot).
    func wrapped(_ text: String, style: TextStyle, first: Int, others: Int) throws(ReceiptRenderError) -> [String] {
        do {
            let wrapper = try TextWrapper(firstLineWidth: max(first, 1), otherLinesWidth: max(others, 1))
            return try wrapper.wrap(text) { (line: String) throws(TextRenderError) -> Int in
                try self.rasteriser.measure(line, style: style)
            }
        } catch {
            throw .text(error)
        }
    }

    /// Width of `text` in `style`, with text failures mapped to `ReceiptRenderError.text`.
    func measured(_ text: String, style: TextStyle) throws(ReceiptRenderError) -> Int {
        do {
            return try rasteriser.measure(text, style: style)
        } catch {
            throw .text(error)
        }
    }
}
