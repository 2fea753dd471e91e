extension Character {
    /// `0`–`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
    /// `A`–`Z` only.
    var isASCIIUppercaseLetter: Bool { asciiValue.map { (65...90).contains($0) } ?? false }
}

extension StringProtocol {
    /// The text without leading and trailing ASCII spaces, tabs, CR and LF.
    func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[first...last]
    }
}
