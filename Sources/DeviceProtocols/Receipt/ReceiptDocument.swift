/// A receipt as an ordered list of blocks, independent of paper width and fonts.
public struct ReceiptDocument: Hashable, Sendable {
    /// The blocks from top to bottom.
    public var blocks: [ReceiptBlock]

    /// A document of `blocks` (empty unless given).
    public init(blocks: [ReceiptBlock] = []) {
        self.blocks = blocks
    }

    /// Appends `block` at the bottom.
    public mutating func append(_ block: ReceiptBlock) {
        blocks.append(block)
    }

    /// Every QR payload in the document, top to bottom (what a scanner must read back).
    public var qrPayloads: [String] {
        blocks.compactMap { block in
            if case let .qrCode(payload, _, _) = block { return payload }
            return nil
        }
    }

    /// All text a reader sees, one entry per text-bearing block (keys joined as "key: value",
    /// list items numbered); used to check glyph coverage and in tests.
    public var visibleText: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case let .title(text), let .text(text, _, _): [text]
            case let .keyValue(key, value): ["\(key): \(value)"]
            case let .numberedList(items): items.enumerated().map { "\($0.offset + 1). \($0.element)" }
            case .rule, .qrCode, .spacing: []
            }
        }
    }
}
