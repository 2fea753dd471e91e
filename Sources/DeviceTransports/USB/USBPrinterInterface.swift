/// A printer-class interface (class 7, subclass 1) chosen from a configuration, with the
/// endpoints the printer stream uses. Endpoint addresses always come from the descriptors.
public struct USBPrinterInterface: Hashable, Sendable {
    /// `bInterfaceProtocol` of the printer class.
    public enum PrinterProtocol: UInt8, Hashable, Sendable, CaseIterable {
        /// Bulk OUT only: the printer cannot answer status queries.
        case unidirectional = 1
        /// Bulk OUT and bulk IN: ESC/POS status replies come back on IN.
        case bidirectional = 2
        /// IEEE 1284.4 packet framing; raw ESC/POS cannot be sent on it as is.
        case ieee1284_4 = 3
    }

    /// USB printer class code (`bInterfaceClass`).
    public static let printerClass: UInt8 = 0x07
    /// Printer subclass (`bInterfaceSubClass`).
    public static let printerSubclass: UInt8 = 0x01

    /// `bInterfaceNumber` to claim.
    public let number: UInt8
    /// `bAlternateSetting` to select (non-zero needs `SET_INTERFACE`).
    public let alternateSetting: UInt8
    /// The printer protocol of this alternate setting.
    public let printerProtocol: PrinterProtocol
    /// The bulk OUT endpoint that takes print data.
    public let bulkOut: USBEndpointDescriptor
    /// The bulk IN endpoint for status replies; `nil` for a unidirectional interface.
    public let bulkIn: USBEndpointDescriptor?

    /// A chosen interface.
    public init(
        number: UInt8, alternateSetting: UInt8, printerProtocol: PrinterProtocol,
        bulkOut: USBEndpointDescriptor, bulkIn: USBEndpointDescriptor?
    ) {
        self.number = number
        self.alternateSetting = alternateSetting
        self.printerProtocol = printerProtocol
        self.bulkOut = bulkOut
        self.bulkIn = bulkIn
    }

    /// One line for logs: `interface 0 alt 0, protocol 2, OUT 0x01, IN 0x82`.
    public var summary: String {
        "interface \(number) alt \(alternateSetting), protocol \(printerProtocol.rawValue), OUT \(bulkOut.addressText), "
            + (bulkIn.map { "IN \($0.addressText)" } ?? "no IN endpoint")
    }

    /// Chooses the printer interface of `configuration`: a bidirectional alternate setting with
    /// bulk OUT and bulk IN first, then a unidirectional one with bulk OUT (a protocol-2 setting
    /// lacking IN counts as unidirectional). IEEE 1284.4 settings are never chosen.
    /// - Throws: `USBPrinterSelectionError` saying what the configuration offers instead.
    public static func select(from configuration: USBConfigurationDescriptor) throws(USBPrinterSelectionError) -> USBPrinterInterface {
        let printerSettings = configuration.interfaces.filter {
            $0.interfaceClass == printerClass && $0.interfaceSubclass == printerSubclass
        }
        guard !printerSettings.isEmpty else {
            throw .noPrinterInterface(found: configuration.interfaceClassTriples)
        }
        var candidates: [USBPrinterInterface] = []
        for setting in printerSettings {
            guard let kind = PrinterProtocol(rawValue: setting.interfaceProtocol), kind != .ieee1284_4 else { continue }
            let bulk = setting.endpoints.filter { $0.transferType == .bulk }
            guard let out = bulk.first(where: { !$0.isIn }) else { continue }
            let input = kind == .bidirectional ? bulk.first(where: \.isIn) : nil
            candidates.append(USBPrinterInterface(
                number: setting.number, alternateSetting: setting.alternateSetting,
                printerProtocol: input == nil ? .unidirectional : .bidirectional, bulkOut: out, bulkIn: input))
        }
        if let best = candidates.first(where: { $0.bulkIn != nil }) ?? candidates.first {
            return best
        }
        let protocols = printerSettings.map(\.interfaceProtocol)
        if protocols.allSatisfy({ $0 == PrinterProtocol.ieee1284_4.rawValue }) {
            throw .onlyIEEE1284_4(interface: printerSettings[0].number)
        }
        throw .noBulkOut(settings: printerSettings.map { "\($0.number)/\($0.alternateSetting) \($0.classTriple)" })
    }
}

/// Why no usable printer interface was found in a configuration.
public enum USBPrinterSelectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No class 7 / subclass 1 interface; lists the `cc/ss/pp` triples present.
    case noPrinterInterface(found: [String])
    /// Printer settings exist but none has a bulk OUT endpoint (or a known protocol).
    case noBulkOut(settings: [String])
    /// Only IEEE 1284.4 alternate settings, which need packet framing raw ESC/POS lacks.
    case onlyIEEE1284_4(interface: UInt8)

    /// One precise English line for technicians.
    public var description: String {
        switch self {
        case let .noPrinterInterface(found):
            "no printer-class interface (07/01/xx); interfaces present: "
                + (found.isEmpty ? "none" : found.joined(separator: ", "))
        case let .noBulkOut(settings):
            "printer interface without a bulk OUT endpoint or with an unknown protocol: " + settings.joined(separator: ", ")
        case let .onlyIEEE1284_4(interface):
            "printer interface \(interface) offers only IEEE 1284.4 (protocol 3), which raw ESC/POS cannot use"
        }
    }
}
