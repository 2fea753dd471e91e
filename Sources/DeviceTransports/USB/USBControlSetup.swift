/// The 8-byte SETUP stage of a control transfer on endpoint 0, for the requests the printer
/// stream sends. Multi-byte fields are little-endian on the wire.
public struct USBControlSetup: Hashable, Sendable {
    /// Direction, type and recipient (`0xA1` = IN, class, interface).
    public let requestType: UInt8
    /// `bRequest`.
    public let request: UInt8
    /// `wValue`.
    public let value: UInt16
    /// `wIndex`.
    public let index: UInt16
    /// `wLength`: bytes of the data stage.
    public let length: UInt16

    /// A setup packet.
    public init(requestType: UInt8, request: UInt8, value: UInt16, index: UInt16, length: UInt16) {
        self.requestType = requestType
        self.request = request
        self.value = value
        self.index = index
        self.length = length
    }

    /// The bytes on the wire: `bmRequestType bRequest wValue wIndex wLength`.
    public var bytes: [UInt8] {
        [requestType, request, UInt8(value & 0xFF), UInt8(value >> 8),
         UInt8(index & 0xFF), UInt8(index >> 8), UInt8(length & 0xFF), UInt8(length >> 8)]
    }

    /// Whether the data stage flows device → host.
    public var isIn: Bool { requestType & 0x80 != 0 }

    /// Printer class `GET_PORT_STATUS` (bRequest 1): one status byte. USB Printer Class 1.1
    /// §4.2.2 and Linux usblp put the plain interface number in `wIndex`; only `GET_DEVICE_ID`
    /// packs `interface << 8 | alternate setting`.
    public static func getPortStatus(interface: UInt8) -> USBControlSetup {
        USBControlSetup(requestType: 0xA1, request: 0x01, value: 0, index: UInt16(interface), length: 1)
    }

    /// Printer class `GET_DEVICE_ID` (bRequest 0): the IEEE 1284 ID string with its 2-byte
    /// big-endian length prefix; `wValue` is the configuration index, `wIndex` is
    /// `interface << 8 | alternate setting`.
    public static func getDeviceID(configurationIndex: UInt8, interface: UInt8, alternateSetting: UInt8, length: UInt16 = 1024) -> USBControlSetup {
        USBControlSetup(
            requestType: 0xA1, request: 0x00, value: UInt16(configurationIndex),
            index: UInt16(interface) << 8 | UInt16(alternateSetting), length: length)
    }

    /// Standard `GET_DESCRIPTOR` for configuration `index` (`wValue` = 2 << 8 | index).
    public static func getConfigurationDescriptor(index: UInt8, length: UInt16) -> USBControlSetup {
        USBControlSetup(
            requestType: 0x80, request: 0x06,
            value: UInt16(USBDescriptorParser.DescriptorType.configuration) << 8 | UInt16(index), index: 0, length: length)
    }
}
