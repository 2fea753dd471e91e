extension VietQRPayload {
    /// Reads a payload back into its fields, checking its CRC and the exact grammar this type
    /// writes (same fields, same order, same bounds). Used by tests and the one-stop simulator;
    /// a payload from another issuer with extra fields (merchant name, bill number…) is refused.
    /// - Throws: `VietQRError` — `.payloadTooLong`, `.invalidPayloadCharacter`,
    ///   `.truncatedField`, `.malformedFieldHeader`, `.malformedChecksum`, `.checksumMismatch`,
    ///   `.unexpectedField`, `.invalidFieldValue`, in that order of checking.
    public init(parsing payload: String) throws(VietQRError) {
        let bytes = Array(payload.utf8)
        guard bytes.count <= Self.maximumPayloadLength else { throw .payloadTooLong(length: bytes.count) }
        if let offset = bytes.firstIndex(where: { !(0x20...0x7E).contains($0) }) {
            throw .invalidPayloadCharacter(offset: offset)
        }
        var fields = try Self.fields(in: bytes[...])
        try Self.verifyChecksum(of: bytes, lastField: fields.last)

        try Self.take("00", from: &fields, path: "00", allowed: { $0 == "01" })
        let initiation = try Self.take("01", from: &fields, path: "01") { $0 == "11" || $0 == "12" }
        var merchant = try Self.fields(in: Self.takeTemplate("38", from: &fields))
        try Self.take("00", from: &merchant, path: "38.00") { $0 == Self.napasGUID }
        var account = try Self.fields(in: Self.takeTemplate("01", from: &merchant))
        let bin = try Self.take("00", from: &account, path: "38.01.00") { Self.isValidBankBIN($0[...]) }
        let number = try Self.take("01", from: &account, path: "38.01.01") { Self.isValidAccountNumber($0[...]) }
        try Self.expectEnd(of: account)
        try Self.take("02", from: &merchant, path: "38.02") { $0 == Self.accountTransferService }
        try Self.expectEnd(of: merchant)
        try Self.take("53", from: &fields, path: "53") { $0 == Self.currencyCodeVND }

        var amount: Int64?
        if initiation == Form.dynamic.rawValue {
            let text = try Self.take("54", from: &fields, path: "54") { Self.amountValue(of: $0) != nil }
            amount = Self.amountValue(of: text)
        }
        try Self.take("58", from: &fields, path: "58") { $0 == Self.countryCode }

        var purpose: VietQRPurpose?
        if fields.first?.id == "62" {
            var additional = try Self.fields(in: Self.takeTemplate("62", from: &fields))
            let note = try Self.take("08", from: &additional, path: "62.08") {
                VietQRPurpose(reducedText: $0[...]) != nil
            }
            try Self.expectEnd(of: additional)
            purpose = VietQRPurpose(reducedText: note[...])
        }
        try Self.take("63", from: &fields, path: "63")
        try Self.expectEnd(of: fields)
        try self.init(bankBIN: bin, accountNumber: number, amount: amount, purpose: purpose)
    }

    /// One TLV field as read: its 2-digit id, its value bytes, and where its header starts.
    struct Field {
        let id: String
        let value: ArraySlice<UInt8>
        let offset: Int
    }

    /// Splits `bytes` into consecutive fields; offsets are indices into the whole payload.
    static func fields(in bytes: ArraySlice<UInt8>) throws(VietQRError) -> [Field] {
        var fields: [Field] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes.endIndex - index >= 4 else { throw .truncatedField(offset: index) }
            guard let id = twoDigits(bytes[index..<index + 2]), let length = twoDigits(bytes[index + 2..<index + 4])
            else { throw .malformedFieldHeader(offset: index) }
            let valueStart = index + 4
            guard bytes.endIndex - valueStart >= length else { throw .truncatedField(offset: index) }
            let idText = (id < 10 ? "0" : "") + String(id)
            fields.append(Field(id: idText, value: bytes[valueStart..<valueStart + length], offset: index))
            index = valueStart + length
        }
        return fields
    }

    /// Checks that the payload ends with tag `63` of length 4 and that its CRC matches.
    private static func verifyChecksum(of bytes: [UInt8], lastField: Field?) throws(VietQRError) {
        guard let lastField, lastField.id == "63" else {
            throw .unexpectedField(expected: "63", found: lastField?.id)
        }
        guard lastField.value.count == 4,
            let found = CRC16CCITTFalse.parseHexDigits(Substring(decoding: lastField.value, as: UTF8.self))
        else { throw .malformedChecksum }
        let expected = CRC16CCITTFalse.checksum(of: bytes[..<lastField.value.startIndex])
        guard expected == found else {
            throw .checksumMismatch(
                expected: CRC16CCITTFalse.hexDigits(expected), found: CRC16CCITTFalse.hexDigits(found))
        }
    }

    /// Removes the first field, which must have `id` and a value `allowed` accepts.
    @discardableResult
    private static func take(
        _ id: String, from fields: inout [Field], path: String, allowed: (String) -> Bool = { _ in true }
    ) throws(VietQRError) -> String {
        guard let field = fields.first, field.id == id else {
            throw .unexpectedField(expected: id, found: fields.first?.id)
        }
        let value = String(decoding: field.value, as: UTF8.self)
        guard allowed(value) else { throw .invalidFieldValue(path: path) }
        fields.removeFirst()
        return value
    }

    /// Like `take(_:from:path:allowed:)` for a template: returns the raw bytes to split further.
    private static func takeTemplate(_ id: String, from fields: inout [Field]) throws(VietQRError)
        -> ArraySlice<UInt8>
    {
        guard let field = fields.first, field.id == id else {
            throw .unexpectedField(expected: id, found: fields.first?.id)
        }
        fields.removeFirst()
        return field.value
    }

    /// Refuses any field left over after the grammar's last one.
    private static func expectEnd(of fields: [Field]) throws(VietQRError) {
        if let extra = fields.first { throw .unexpectedField(expected: nil, found: extra.id) }
    }

    /// A positive amount in canonical decimal (no sign, no leading zero, no decimals) within bounds.
    private static func amountValue(of text: String) -> Int64? {
        guard (1...13).contains(text.utf8.count), text.allSatisfy(\.isASCIIDigit), text.first != "0",
            let value = Int64(text), value <= maximumAmount
        else { return nil }
        return value
    }

    /// Two ASCII digits as a number 0–99; `nil` otherwise.
    private static func twoDigits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count == 2, let tens = bytes.first, let units = bytes.last,
            (0x30...0x39).contains(tens), (0x30...0x39).contains(units)
        else { return nil }
        return Int(tens - 0x30) * 10 + Int(units - 0x30)
    }
}
