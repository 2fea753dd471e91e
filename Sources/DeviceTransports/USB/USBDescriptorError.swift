/// Why raw USB descriptor bytes were refused; every case names the byte offset concerned so a
/// technician can find it in a hex dump.
public enum USBDescriptorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer bytes than a descriptor needs: `needed` from `offset`, only `available` there.
    case truncated(what: String, offset: Int, needed: Int, available: Int)
    /// A descriptor of the wrong type where a specific one must stand.
    case wrongType(offset: Int, expected: UInt8, found: UInt8)
    /// A `bLength` smaller than the descriptor's fixed fields (or below 2, which would never advance).
    case invalidLength(offset: Int, type: UInt8, length: Int, minimum: Int)
    /// `wTotalLength` smaller than the configuration header itself.
    case totalLengthTooShort(declared: Int, minimum: Int)
    /// `wTotalLength` claims more bytes than were supplied.
    case totalLengthExceedsData(declared: Int, available: Int)
    /// A descriptor runs past the end given by `wTotalLength`.
    case descriptorOverrunsConfiguration(offset: Int, length: Int, totalLength: Int)
    /// An endpoint descriptor before any interface descriptor.
    case endpointOutsideInterface(offset: Int)
    /// An alternate setting declared `bNumEndpoints` but was followed by a different count.
    case endpointCountMismatch(interface: UInt8, alternateSetting: UInt8, declared: Int, found: Int)

    /// One precise English line for logs and technicians.
    public var description: String {
        switch self {
        case let .truncated(what, offset, needed, available):
            "truncated \(what) at offset \(offset): needs \(needed) bytes, only \(available) present"
        case let .wrongType(offset, expected, found):
            "descriptor at offset \(offset) has bDescriptorType \(USBHex.byte(found)), expected \(USBHex.byte(expected))"
        case let .invalidLength(offset, type, length, minimum):
            "descriptor at offset \(offset) (bDescriptorType \(USBHex.byte(type))) has bLength \(length), minimum is \(minimum)"
        case let .totalLengthTooShort(declared, minimum):
            "configuration wTotalLength \(declared) is shorter than its own header (\(minimum) bytes)"
        case let .totalLengthExceedsData(declared, available):
            "configuration wTotalLength \(declared) exceeds the \(available) bytes supplied"
        case let .descriptorOverrunsConfiguration(offset, length, totalLength):
            "descriptor at offset \(offset) with bLength \(length) runs past wTotalLength \(totalLength)"
        case let .endpointOutsideInterface(offset):
            "endpoint descriptor at offset \(offset) precedes any interface descriptor"
        case let .endpointCountMismatch(interface, alternateSetting, declared, found):
            "interface \(interface) alternate setting \(alternateSetting) declares \(declared) endpoints but \(found) follow"
        }
    }
}
