import Foundation

/// The command line of `onestop-sim`, parsed into a configuration (pure: no I/O but reading a
/// tokens file).
public struct OneStopSimArguments: Sendable {
    /// The usage text printed by `--help`.
    public static let usage = """
        usage: onestop-sim --kiosk ID=TOKEN [--kiosk ID=TOKEN…] [options]

        The reference one-stop backend of the DossierKiosk sync contract
        (docs/onestop-sync.openapi.yaml), with its control API under /control.

          --kiosk ID=TOKEN        a kiosk and its bearer token (>= 16 characters); repeatable
          --tokens-file FILE      lines ID=TOKEN (# comments), instead of or besides --kiosk
          --host HOST             address to bind (default 127.0.0.1)
          --port N                port to bind, 0 for any free port (default 8090)
          --port-file FILE        write the bound port to FILE once listening
          --database FILE         SQLite file (default: in memory, lost on exit)
          --seed-dir DIR          seed from DIR/dossiers.json and DIR/procedures.json
          --dossiers FILE         seed dossiers from FILE (data/seed/dossiers.json form)
          --procedures FILE       seed procedures from FILE (data/seed/procedures.json form)
          --hash-iterations N     PBKDF2 iterations for pickup codes and PINs (default 210000)
          --code-seed N           seed the pickup-code generator (reproducible demos)
          --holding-days N        days a loaded result waits (default 7)
          --payment-validity N    seconds a payment request stays payable (default 600)
          --place NAME            place name in SMS texts (default "Vi Thanh")
          --hotline NUMBER        hotline in SMS texts
          --help                  this text

        Exit status: 0 after SIGTERM/SIGINT, 1 runtime failure, 2 bad command line or
        configuration, 3 unreadable or malformed seed file.
        """

    /// The configuration to run.
    public var configuration: OneStopSimConfiguration
    /// Where to write the bound port, if anywhere.
    public var portFile: String?
    /// `--help` was given.
    public var helpRequested = false

    /// Parses `arguments` (without the program name).
    /// - Throws: `OneStopSimError.configuration` naming the bad option or value.
    public init(_ arguments: [String]) throws(OneStopSimError) {
        var configuration = OneStopSimConfiguration(port: 8090, kioskTokens: [:])
        var index = 0
        func value(_ option: String) throws(OneStopSimError) -> String {
            index += 1
            guard index < arguments.count else { throw .configuration("\(option) needs a value") }
            return arguments[index]
        }
        func number(_ option: String) throws(OneStopSimError) -> Int {
            let text = try value(option)
            guard let number = Int(text) else { throw .configuration("\(option) needs a whole number, not '\(text)'") }
            return number
        }
        while index < arguments.count {
            let option = arguments[index]
            switch option {
            case "--help", "-h": helpRequested = true
            case "--kiosk": try Self.addToken(try value(option), to: &configuration, source: "--kiosk")
            case "--tokens-file":
                let path = try value(option)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw .configuration("cannot read tokens file \(path)")
                }
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                    try Self.addToken(trimmed, to: &configuration, source: "\(path) line \(number + 1)")
                }
            case "--host": configuration.host = try value(option)
            case "--port": configuration.port = try number(option)
            case "--port-file": portFile = try value(option)
            case "--database": configuration.databasePath = try value(option)
            case "--seed-dir":
                let directory = try value(option)
                configuration.dossierSeedPath = directory + "/dossiers.json"
                configuration.procedureSeedPath = directory + "/procedures.json"
            case "--dossiers": configuration.dossierSeedPath = try value(option)
            case "--procedures": configuration.procedureSeedPath = try value(option)
            case "--hash-iterations": configuration.hashIterations = try number(option)
            case "--code-seed":
                let text = try value(option)
                guard let seed = UInt64(text) else { throw .configuration("--code-seed needs a whole number, not '\(text)'") }
                configuration.codeSeed = seed
            case "--holding-days": configuration.holdingDays = try number(option)
            case "--payment-validity": configuration.paymentValiditySeconds = try number(option)
            case "--place": configuration.placeName = try value(option)
            case "--hotline": configuration.hotline = try value(option)
            default: throw .configuration("unknown option '\(option)' (see --help)")
            }
            index += 1
        }
        self.configuration = configuration
        if !helpRequested {
            try configuration.validate()
        }
    }

    /// Adds `ID=TOKEN`.
    private static func addToken(_ text: String, to configuration: inout OneStopSimConfiguration, source: String) throws(OneStopSimError) {
        guard let equals = text.firstIndex(of: "=") else { throw .configuration("\(source): expected ID=TOKEN") }
        let kiosk = String(text[..<equals])
        guard configuration.kioskTokens[kiosk] == nil else { throw .configuration("\(source): kiosk \(kiosk) given twice") }
        configuration.kioskTokens[kiosk] = String(text[text.index(after: equals)...])
    }
}
