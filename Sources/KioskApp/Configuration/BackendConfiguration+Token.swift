import Foundation
import KioskSync

extension BackendConfiguration {
    /// Reads the bearer token from its source. Errors name the key and the file or variable,
    /// never the token.
    /// - Parameter environment: kioskd's environment (tests pass their own).
    /// - Throws: `ConfigurationError.invalid` for `backend.tokenFile` when the file is missing,
    ///   not a regular file, accessible by group or others, unreadable, empty or not one token;
    ///   for `backend.tokenEnvironment` when the variable is unset, empty or not one token.
    public func credentials(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> BackendCredentials {
        switch token {
        case .file(let path):
            return try Self.credentials(fromFile: path)
        case .environment(let name):
            let key = "backend.tokenEnvironment"
            guard let value = environment[name] else {
                throw .invalid(key: key, reason: "names the variable \(name), which is not set in kioskd's environment")
            }
            return try Self.credentials(from: value, key: key, source: "the variable \(name)")
        }
    }

    /// The token in `path` (a symbolic link is followed), after checking that only its owner may
    /// access the file.
    private static func credentials(fromFile path: String) throws(ConfigurationError) -> BackendCredentials {
        let key = "backend.tokenFile"
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(
                atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        } catch {
            throw .invalid(key: key, reason: "names \(path), which does not exist or cannot be examined")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw .invalid(key: key, reason: "names \(path), which is not a regular file")
        }
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard permissions & 0o077 == 0 else {
            throw .invalid(
                key: key,
                reason: "names \(path), which group or others may access (mode \(String(permissions, radix: 8))); "
                    + "allow only its owner (chmod 600)")
        }
        guard ((attributes[.size] as? NSNumber)?.intValue ?? 0) <= 16_384 else {
            throw .invalid(key: key, reason: "names \(path), which is larger than 16 KiB")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .invalid(key: key, reason: "names \(path), which cannot be read: \((error as NSError).localizedFailureReason ?? "permission denied")")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(key: key, reason: "names \(path), which is not UTF-8 text")
        }
        return try credentials(from: text, key: key, source: path)
    }

    /// Credentials from the text of a file or variable; white space around the token is dropped.
    private static func credentials(from text: String, key: String, source: String) throws(ConfigurationError) -> BackendCredentials {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw .invalid(key: key, reason: "names \(source), which is empty")
        }
        do {
            return try BackendCredentials(bearerToken: text)
        } catch {
            throw .invalid(key: key, reason: "names \(source), which does not hold one token of 1–4096 visible ASCII characters")
        }
    }
}
