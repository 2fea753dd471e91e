/// What the command line asks `kioskd` to do.
enum KioskdInvocation: Equatable {
    case run(configPath: String)
    case version
    case help

    static let usage = """
        usage: kioskd --config FILE
               kioskd --version
        Runs the DossierKiosk controller service with the JSON configuration FILE.
        """

    /// Parses the arguments after the program name.
    /// - Throws: `KioskdUsageError` with a one-line explanation.
    init(arguments: [String]) throws(KioskdUsageError) {
        var configPath: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--version":
                self = .version
                return
            case "--help", "-h":
                self = .help
                return
            case "--config":
                guard index + 1 < arguments.count else { throw KioskdUsageError("--config needs a file path") }
                configPath = arguments[index + 1]
                index += 2
            default:
                if argument.hasPrefix("--config=") {
                    configPath = String(argument.dropFirst("--config=".count))
                    index += 1
                } else {
                    throw KioskdUsageError("unknown argument '\(argument)'")
                }
            }
        }
        guard let configPath, !configPath.isEmpty else {
            throw KioskdUsageError("config: no configuration file given (kioskd --config FILE)")
        }
        self = .run(configPath: configPath)
    }
}

/// A command-line mistake, printed as one line before exit status 2.
struct KioskdUsageError: Error, CustomStringConvertible, Equatable {
    let description: String
    init(_ description: String) { self.description = description }
}
