import KioskHAL

/// Which USB device a configured printer means: vendor and product id, and optionally the
/// physical port path (`1-1.4`), the only identity that tells two identical printers apart.
public struct USBDeviceMatch: Hashable, Sendable, CustomStringConvertible {
    /// `idVendor`.
    public let vendorID: UInt16
    /// `idProduct`.
    public let productID: UInt16
    /// Bus and port path, e.g. bus 1, ports [1, 4] for `1-1.4`; `nil` matches any port.
    public let location: (bus: UInt8, ports: [UInt8])?

    /// A match on ids and, when given, location.
    public init(vendorID: UInt16, productID: UInt16, bus: UInt8? = nil, ports: [UInt8] = []) {
        self.vendorID = vendorID
        self.productID = productID
        location = bus.map { ($0, ports) }
    }

    /// Parses `vvvv:pppp` or `vvvv:pppp@bus-port.port…` (hex ids, decimal location as sysfs
    /// names it). - Throws: `.unsupported` naming what is wrong.
    public init(parsing text: String) throws(HALError) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let ids = parts[0].split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, ids.count == 2, ids.allSatisfy({ $0.count == 4 }),
              let vendor = UInt16(ids[0], radix: 16), let product = UInt16(ids[1], radix: 16) else {
            throw HALError(.unsupported, device: text, detail: "USB device must be written vvvv:pppp[@bus-port.port], e.g. 0416:5011@1-1.4; got \"\(text)\"")
        }
        vendorID = vendor
        productID = product
        guard parts.count == 2 else {
            location = nil
            return
        }
        let place = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        let fields = place.count == 2 ? place[1].split(separator: ".", omittingEmptySubsequences: false) : []
        let path = fields.compactMap { UInt8($0) }
        guard place.count == 2, let bus = UInt8(place[0]), bus > 0, !path.isEmpty, path.count == fields.count,
              path.count <= 7, path.allSatisfy({ $0 > 0 }) else {
            throw HALError(.unsupported, device: text, detail: "USB port path must be bus-port[.port…] with numbers from 1, e.g. 1-1.4; got \"\(parts[1])\"")
        }
        location = (bus, path)
    }

    /// Whether `device` has these ids (and this location when one is set).
    public func matches(_ device: USBDeviceSummary) -> Bool {
        guard device.vendorID == vendorID, device.productID == productID else { return false }
        guard let location else { return true }
        return device.bus == location.bus && device.portPath == location.ports
    }

    /// The one device among `devices` this match means.
    /// - Throws: `.disconnected` when none is attached, `.unsupported` when several match and
    ///   no port path was configured to choose between them.
    public func choose(from devices: [USBDeviceSummary]) throws(HALError) -> USBDeviceSummary {
        let found = devices.filter(matches)
        guard let first = found.first else {
            throw HALError(.disconnected, device: description, detail:
                "no USB device \(description) attached (\(devices.count) USB devices seen)")
        }
        guard found.count == 1 else {
            let places = found.map(\.location).joined(separator: ", ")
            throw HALError(.unsupported, device: description, detail:
                "\(found.count) devices match \(description) (at \(places)); configure the port path, e.g. \(description)@\(first.location)")
        }
        return first
    }

    /// `0416:5011` or `0416:5011@1-1.4`.
    public var description: String {
        let ids = "\(USBHex.word(vendorID)):\(USBHex.word(productID))"
        guard let location else { return ids }
        return ids + "@\(location.bus)-" + location.ports.map(String.init).joined(separator: ".")
    }

    /// Equal when ids and location (if any) are equal.
    public static func == (lhs: USBDeviceMatch, rhs: USBDeviceMatch) -> Bool { lhs.description == rhs.description }
    /// Hashes the ids and location through their text form.
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
