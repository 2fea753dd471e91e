import Foundation
import KioskApp
import Logging

/// `kioskd --config FILE` runs the kiosk; `kioskd --version` prints the version.
/// Exit status: 0 after a graceful stop, 2 for a missing or invalid configuration,
/// 1 when the kiosk cannot start or stops on an error.
@main
struct Kioskd {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let invocation: KioskdInvocation
        do {
            invocation = try KioskdInvocation(arguments: arguments)
        } catch {
            printError("kioskd: \(error)")
            exit(2)
        }
        switch invocation {
        case .version:
            print("kioskd \(KioskVersion.current)")
        case .help:
            print(KioskdInvocation.usage)
        case .run(let configPath):
            await run(configPath: configPath)
        }
    }

    static func run(configPath: String) async {
        let config: KioskConfiguration
        do {
            config = try KioskConfiguration.load(path: configPath)
        } catch {
            printError(error.description)
            exit(2)
        }
        let level = Logger.Level(rawValue: config.logLevel) ?? .info
        LoggingSystem.bootstrap { label in LogfmtLogHandler(label: label, level: level) }
        var logger = Logger(label: "kioskd")
        logger[metadataKey: "kiosk.id"] = "\(config.kiosk.id)"
        logger.notice("kioskd starting", metadata: ["version": "\(KioskVersion.current)", "config": "\(configPath)"])
        do {
            let runtime = try await KioskApp.build(config: config, logger: logger)
            try await runtime.run()
        } catch let error as ConfigurationError {
            logger.critical("kioskd refused its configuration", metadata: ["error": "\(error)"])
            printError(error.description)
            exit(2)
        } catch {
            logger.critical("kioskd failed", metadata: ["error": "\(error)"])
            exit(1)
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
