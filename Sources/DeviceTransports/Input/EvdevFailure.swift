#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KioskHAL

/// The precise errors of opening an input device, with what a technician should do.
enum EvdevFailure {
    /// The error for a failed `open(2)` of `path`.
    static func open(_ code: Int32, device: String, path: String) -> HALError {
        switch code {
        case ENOENT, ENODEV, ENXIO, ENOTDIR:
            HALError(.disconnected, device: device, detail:
                "no such input device: \(path) (scanner unplugged, or another event number): \(SystemCalls.describe(code))")
        case EACCES, EPERM:
            HALError(.unsupported, device: device, detail:
                "permission denied: \(path): the kiosk user needs the `input` group (SupplementaryGroups=input) "
                + "or a udev rule giving it the node: \(SystemCalls.describe(code))")
        default:
            HALError(.unsupported, device: device, detail: "cannot open \(path): \(SystemCalls.describe(code))")
        }
    }

    /// The error for a failed evdev `ioctl` (`request` names it) on the open `path`.
    static func ioctl(_ code: Int32, device: String, path: String, request: String) -> HALError {
        switch code {
        case ENOTTY, EINVAL:
            HALError(.unsupported, device: device, detail:
                "not an evdev input node: \(path) refuses \(request): \(SystemCalls.describe(code))")
        case EBUSY:
            HALError(.busy, device: device, detail:
                "grab refused: another process holds \(path) exclusively (\(request)); stop it "
                + "(a desktop session, a second kioskd): \(SystemCalls.describe(code))")
        case ENODEV:
            HALError(.disconnected, device: device, detail: "input device gone: \(path): \(SystemCalls.describe(code))")
        default:
            HALError(.unsupported, device: device, detail: "\(request) failed on \(path): \(SystemCalls.describe(code))")
        }
    }
}
