/// Greedy word wrap of a paragraph to a width in pixels, independent of how text is measured.
///
/// Lines break at spaces (runs of spaces collapse to one; leading and trailing spaces are
/// dropped); a newline forces a break. A word wider than a whole line is broken between
/// characters (grapheme clusters, so a Vietnamese letter and its marks are never split), with
/// at least one character per line so wrapping always terminates.
public struct TextWrapper: Sendable {
    /// Width limit in pixels of the first line, at least 1.
    public let firstLineWidth: Int
    /// Width limit in pixels of every following line (e.g. narrower for a hanging indent), at least 1.
    public let otherLinesWidth: Int

    /// A wrapper with the same limit for all lines; throws `TextRenderError.invalidWidth` for
    /// a limit below 1.
    public init(width: Int) throws(TextRenderError) {
        try self.init(firstLineWidth: width, otherLinesWidth: width)
    }

    /// A wrapper whose first line may differ from the rest; throws `.invalidWidth` for a limit below 1.
    public init(firstLineWidth: Int, otherLinesWidth: Int) throws(TextRenderError) {
        guard firstLineWidth >= 1 else { throw .invalidWidth(firstLineWidth) }
        guard otherLinesWidth >= 1 else { throw .invalidWidth(otherLinesWidth) }
        self.firstLineWidth = firstLineWidth
        self.otherLinesWidth = otherLinesWidth
    }

    /// The lines of `text` (NFC) such that `measure(line)` never exceeds the limit of its line,
    /// except a single character wider than the limit, which stands alone. An empty text or an
    /// empty paragraph between newlines yields one empty line. Rethrows `measure`'s error.
    public func wrap(
        _ text: String, measure: (String) throws(TextRenderError) -> Int
    ) throws(TextRenderError) -> [String] {
        let composed = text.precomposedStringWithCanonicalMapping
        var lines: [String] = []
        for paragraph in composed.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else {
                lines.append("")
                continue
            }
            var current = ""
            for word in words {
                let candidate = current.isEmpty ? word : current + " " + word
                if try measure(candidate) <= limit(forLine: lines.count) {
                    current = candidate
                    continue
                }
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                } else if lines.isEmpty, firstLineWidth < otherLinesWidth,
                          try measure(word) <= otherLinesWidth {
                    // A narrow first line (after a key) would split a word that fits later.
                    lines.append("")
                }
                var rest = Substring(word)
                while try measure(String(rest)) > limit(forLine: lines.count) {
                    let head = try longestFittingPrefix(of: rest, limit: limit(forLine: lines.count), measure: measure)
                    lines.append(String(head))
                    rest = rest.dropFirst(head.count)
                }
                current = String(rest)
            }
            lines.append(current)
        }
        return lines
    }

    /// The width limit of line `index` (0-based).
    public func limit(forLine index: Int) -> Int {
        index == 0 ? firstLineWidth : otherLinesWidth
    }

    /// The longest prefix of `word` (at least one character) that fits `limit`, by binary search
    /// over the character count (widths grow monotonically with added characters).
    private func longestFittingPrefix(
        of word: Substring, limit: Int, measure: (String) throws(TextRenderError) -> Int
    ) throws(TextRenderError) -> Substring {
        var low = 1
        var high = word.count
        while low < high {
            let middle = (low + high + 1) / 2
            if try measure(String(word.prefix(middle))) <= limit {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return word.prefix(low)
    }
}
