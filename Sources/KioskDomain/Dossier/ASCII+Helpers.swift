extension Character {
    /// `0`–`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
    /// `A`–`Z` only.
    var isASCIIUppercaseLetter: Bool { asciiValue.map { (65...90).contains($0) } ?? false }
}

extension StringProtocol {
    /// The text with `a`–`z` turned into `A`–`Z` and every other character left as it is.
    ///
    /// Unlike `uppercased()`, no non-ASCII character can become ASCII (`ı` → `I`, `ſ` → `S`,
    /// `ﬀ` → `FF`), so a parser that then checks for ASCII refuses such input instead of
    /// silently reading it as another code.
    func asciiUppercased() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if ("a"..."z").contains(scalar), let upper = Unicode.Scalar(scalar.value - 32) {
                result.unicodeScalars.append(upper)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

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
