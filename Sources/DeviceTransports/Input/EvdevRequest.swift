/// The evdev ioctl request numbers, computed as the kernel's `_IOC` macros do (Swift cannot
/// import function-like macros): direction in bits 30–31 (1 write, 2 read), argument size in
/// bits 16–29, type `'E'` (0x45) in bits 8–15, number in bits 0–7.
enum EvdevRequest {
    /// `_IOC_WRITE`: the caller passes data to the kernel.
    static let write: UInt = 1
    /// `_IOC_READ`: the kernel fills the caller's buffer.
    static let read: UInt = 2
    /// The ioctl type of the input subsystem, `'E'`.
    static let type: UInt = 0x45

    /// `_IOC(direction, 'E', number, size)`.
    static func request(direction: UInt, number: UInt, size: Int) -> UInt {
        (direction << 30) | (UInt(size) << 16) | (type << 8) | number
    }

    /// `EVIOCGRAB` = `_IOW('E', 0x90, int)` = 0x40044590: grab (argument 1) or release (0).
    static let grab = request(direction: write, number: 0x90, size: MemoryLayout<Int32>.size)

    /// `EVIOCGVERSION` = `_IOR('E', 0x01, int)` = 0x80044501: the evdev protocol version.
    static let getVersion = request(direction: read, number: 0x01, size: MemoryLayout<Int32>.size)

    /// `EVIOCGNAME(length)` = `_IOC(_IOC_READ, 'E', 0x06, length)`: the device name.
    static func getName(length: Int) -> UInt {
        request(direction: read, number: 0x06, size: length)
    }
}
