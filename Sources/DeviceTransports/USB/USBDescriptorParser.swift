/// Parses raw USB descriptor bytes (little-endian, as the device sends them and as Linux caches
/// them in sysfs `descriptors`) into configurations → alternate settings → endpoints.
///
/// Class- and vendor-specific descriptors (HID, CDC functional, interface association, SuperSpeed
/// companions) are skipped by their `bLength`. Offsets in errors count from the start of the
/// array passed in.
public enum USBDescriptorParser {
    /// `bDescriptorType` values the parser acts on.
    public enum DescriptorType {
        /// Device descriptor.
        public static let device: UInt8 = 0x01
        /// Configuration descriptor.
        public static let configuration: UInt8 = 0x02
        /// Interface descriptor.
        public static let interface: UInt8 = 0x04
        /// Endpoint descriptor.
        public static let endpoint: UInt8 = 0x05
    }

    /// Fixed sizes of the standard descriptors.
    static let configurationHeaderLength = 9
    static let interfaceLength = 9
    static let endpointLength = 7
    static let deviceLength = 18

    /// Parses one configuration starting at `offset`: the 9-byte header, then exactly
    /// `wTotalLength` bytes of subordinate descriptors (bytes after that are not read).
    /// - Throws: `USBDescriptorError` naming the offending offset.
    public static func parseConfiguration(_ bytes: [UInt8], at offset: Int = 0) throws(USBDescriptorError) -> USBConfigurationDescriptor {
        let available = bytes.count - offset
        guard available >= configurationHeaderLength else {
            throw .truncated(what: "configuration descriptor", offset: offset, needed: configurationHeaderLength, available: max(0, available))
        }
        guard bytes[offset + 1] == DescriptorType.configuration else {
            throw .wrongType(offset: offset, expected: DescriptorType.configuration, found: bytes[offset + 1])
        }
        let headerLength = Int(bytes[offset])
        guard headerLength >= configurationHeaderLength else {
            throw .invalidLength(offset: offset, type: DescriptorType.configuration, length: headerLength, minimum: configurationHeaderLength)
        }
        let totalLength = Int(bytes[offset + 2]) | Int(bytes[offset + 3]) << 8
        guard totalLength >= headerLength else {
            throw .totalLengthTooShort(declared: totalLength, minimum: headerLength)
        }
        guard totalLength <= available else {
            throw .totalLengthExceedsData(declared: totalLength, available: available)
        }
        var walker = InterfaceWalker()
        var cursor = offset + headerLength
        let end = offset + totalLength
        while cursor < end {
            guard end - cursor >= 2 else {
                throw .truncated(what: "descriptor header", offset: cursor, needed: 2, available: end - cursor)
            }
            let length = Int(bytes[cursor])
            let type = bytes[cursor + 1]
            guard length >= 2 else {
                throw .invalidLength(offset: cursor, type: type, length: length, minimum: 2)
            }
            guard cursor + length <= end else {
                throw .descriptorOverrunsConfiguration(offset: cursor, length: length, totalLength: totalLength)
            }
            let descriptor = bytes[cursor..<(cursor + length)]
            switch type {
            case DescriptorType.interface:
                try walker.beginInterface(descriptor, offset: cursor)
            case DescriptorType.endpoint:
                try walker.addEndpoint(descriptor, offset: cursor)
            default:
                walker.skipped += 1
            }
            cursor += length
        }
        let interfaces = try walker.finish()
        return USBConfigurationDescriptor(
            value: bytes[offset + 5],
            declaredInterfaceCount: Int(bytes[offset + 4]),
            attributes: bytes[offset + 7],
            maxPower: bytes[offset + 8],
            totalLength: totalLength,
            interfaces: interfaces,
            skippedDescriptorCount: walker.skipped)
    }

    /// Collects alternate settings and their endpoints while walking one configuration.
    private struct InterfaceWalker {
        var finished: [USBInterfaceDescriptor] = []
        var current: (header: ArraySlice<UInt8>, declared: Int, endpoints: [USBEndpointDescriptor])?
        var skipped = 0

        mutating func beginInterface(_ descriptor: ArraySlice<UInt8>, offset: Int) throws(USBDescriptorError) {
            guard descriptor.count >= USBDescriptorParser.interfaceLength else {
                throw .invalidLength(offset: offset, type: DescriptorType.interface, length: descriptor.count, minimum: USBDescriptorParser.interfaceLength)
            }
            try closeCurrent()
            let base = descriptor.startIndex
            current = (descriptor, Int(descriptor[base + 4]), [])
        }

        mutating func addEndpoint(_ descriptor: ArraySlice<UInt8>, offset: Int) throws(USBDescriptorError) {
            guard current != nil else { throw .endpointOutsideInterface(offset: offset) }
            guard descriptor.count >= USBDescriptorParser.endpointLength else {
                throw .invalidLength(offset: offset, type: DescriptorType.endpoint, length: descriptor.count, minimum: USBDescriptorParser.endpointLength)
            }
            let base = descriptor.startIndex
            let packet = (Int(descriptor[base + 4]) | Int(descriptor[base + 5]) << 8) & 0x07FF
            current?.endpoints.append(USBEndpointDescriptor(
                address: descriptor[base + 2], attributes: descriptor[base + 3],
                maxPacketSize: packet, interval: descriptor[base + 6]))
        }

        mutating func closeCurrent() throws(USBDescriptorError) {
            guard let open = current else { return }
            let (header, declared, endpoints) = (open.header, open.declared, open.endpoints)
            let base = header.startIndex
            guard declared == endpoints.count else {
                throw .endpointCountMismatch(
                    interface: header[base + 2], alternateSetting: header[base + 3], declared: declared, found: endpoints.count)
            }
            finished.append(USBInterfaceDescriptor(
                number: header[base + 2], alternateSetting: header[base + 3], interfaceClass: header[base + 5],
                interfaceSubclass: header[base + 6], interfaceProtocol: header[base + 7], endpoints: endpoints))
            current = nil
        }

        mutating func finish() throws(USBDescriptorError) -> [USBInterfaceDescriptor] {
            try closeCurrent()
            return finished
        }
    }
}
