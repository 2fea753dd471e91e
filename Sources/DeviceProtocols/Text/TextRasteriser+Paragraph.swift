/// Paragraphs: word wrap to a width and rendering of wrapped, aligned lines.
extension TextRasteriser {
    /// `text` (NFC) broken into lines no wider than `maxWidth` pixels in `style`, at spaces and,
    /// for a word longer than a line, between characters (see `TextWrapper`); throws
    /// `TextRenderError.invalidWidth` for `maxWidth` < 1, `.missingGlyphs` or FreeType errors.
    public func wrap(_ text: String, style: TextStyle, maxWidth: Int) throws(TextRenderError) -> [String] {
        let wrapper = try TextWrapper(width: maxWidth)
        return try wrapper.wrap(text) { (line: String) throws(TextRenderError) -> Int in
            try self.measure(line, style: style)
        }
    }

    /// `text` wrapped to `width` pixels and drawn on a white image exactly `width` wide, one
    /// line per face line height (grown for stacked diacritics), each line aligned as asked.
    /// Throws like `wrap`, or `.image` when the result exceeds `GreyImage` limits.
    public func renderParagraph(
        _ text: String, style: TextStyle, width: Int, alignment: TextAlignment = .left
    ) throws(TextRenderError) -> GreyImage {
        let lines = try wrap(text, style: style, maxWidth: width)
        let metrics = try lineMetrics(pixelSize: style.pixelSize)
        var baselines: [Int] = []
        var top = 0
        for line in lines {
            let ascent = max(metrics.ascender, try inkAscent(of: line, style: style))
            baselines.append(top + ascent)
            top += max(metrics.lineHeight, ascent + metrics.descender)
        }
        var image: GreyImage
        do {
            image = try GreyImage(width: width, height: max(top, 1))
        } catch {
            throw .image(error)
        }
        for (line, baseline) in zip(lines, baselines) {
            var x = 0
            if alignment == .centred {
                x = max(width - (try measure(line, style: style)), 0) / 2
            }
            try draw(line, style: style, into: &image, x: x, baseline: baseline)
        }
        return image
    }
}
