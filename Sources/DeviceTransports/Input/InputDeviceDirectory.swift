import Foundation

/// Finds keyboard-like input devices by their stable names: udev links every input device in
/// `/dev/input/by-id/` as `usb-<vendor>_<product>_<serial>-event-kbd` (or `-if01-event-kbd` for
/// a second interface), which survives replugging where `eventN` numbers do not.
public enum InputDeviceDirectory {
    /// The udev directory of links by device identity.
    public static let byID = "/dev/input/by-id"

    /// The suffix udev gives keyboard event nodes.
    public static let keyboardSuffix = "-event-kbd"

    /// The keyboard event links in `directory`, full paths sorted by name; empty when the
    /// directory does not exist (no input devices, a container).
    public static func keyboardLinks(in directory: String = byID) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.filter { $0.hasSuffix(keyboardSuffix) }.sorted().map { "\(directory)/\($0)" }
    }

    /// The single keyboard event link in `directory` whose name contains `fragment`
    /// (case-insensitive, e.g. a vendor or a serial number); `nil` when none or several match.
    public static func keyboardLink(matching fragment: String, in directory: String = byID) -> String? {
        let matches = keyboardLinks(in: directory).filter {
            ($0 as NSString).lastPathComponent.localizedCaseInsensitiveContains(fragment)
        }
        return matches.count == 1 ? matches.first : nil
    }
}
