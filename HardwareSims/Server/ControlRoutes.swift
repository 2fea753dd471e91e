import Foundation
import HardwareSims
import Hummingbird

/// The control API of `kiosk-hwsim` (the emulators' second face), on loopback:
///
/// | method and path | does |
/// |---|---|
/// | `GET /api/lock-buses` | every bus, board and channel |
/// | `GET /api/lock-buses/{bus}` | one bus |
/// | `POST /api/lock-buses/{bus}/boards/{board}/channels/{channel}/{action}` | `open-door`, `close-door`, `force-door`, `put-item`, `take-item` |
/// | `POST /api/lock-buses/{bus}/boards/{board}/{action}` | `offline`, `online`, `power-cycle` |
/// | `PUT /api/lock-buses/{bus}/faults` | install a fault plan (JSON, as in `Scenarios/`) |
/// | `DELETE /api/lock-buses/{bus}/faults` | clear every fault |
/// | `POST /api/lock-buses/{bus}/unplug`, `/replug` | remove or restore the serial port |
/// | `GET /api/lock-buses/{bus}/log` | the emulator's log, oldest first (last 500 lines) |
///
/// A refused control action answers 409 with the reason; an unknown bus, board or action 404.
public enum ControlRoutes {
    /// Registers every control route for `simulator` on `router`.
    public static func register<Context: RequestContext>(on router: Router<Context>, simulator: HardwareSimulator) {
        let buses = router.group("api/lock-buses")
        buses.get { _, _ -> LockBusList in
            var views: [LockBusView] = []
            for id in simulator.lockBuses.keys.sorted() {
                if let host = simulator.lockBuses[id] { views.append(await host.view()) }
            }
            return LockBusList(buses: views)
        }
        buses.get(":bus") { _, context -> LockBusView in
            try await host(simulator, context).view()
        }
        buses.post(":bus/boards/:board/channels/:channel/:action") { _, context -> ChannelView in
            let host = try host(simulator, context)
            let board = try number(context, "board", as: UInt8.self)
            let channel = try number(context, "channel", as: Int.self)
            let action = context.parameters.get("action") ?? ""
            do {
                switch action {
                case "open-door": try await host.emulator.openDoor(board: board, channel: channel)
                case "close-door": try await host.emulator.closeDoor(board: board, channel: channel)
                case "force-door": try await host.emulator.forceDoor(board: board, channel: channel)
                case "put-item": try await host.emulator.putItem(board: board, channel: channel)
                case "take-item": try await host.emulator.takeItem(board: board, channel: channel)
                default: throw HTTPError(.notFound, message: "unknown channel action '\(action)'")
                }
                return ChannelView(board: board, channel: channel, state: try await host.emulator.state(board: board, channel: channel))
            } catch let error as LockControlError {
                throw HTTPError(.conflict, message: error.description)
            }
        }
        buses.post(":bus/boards/:board/:action") { _, context -> LockBusView in
            let host = try host(simulator, context)
            let board = try number(context, "board", as: UInt8.self)
            let action = context.parameters.get("action") ?? ""
            do {
                switch action {
                case "offline": try await host.emulator.setOnline(board: board, false)
                case "online": try await host.emulator.setOnline(board: board, true)
                case "power-cycle": try await host.emulator.powerCycle(board: board)
                default: throw HTTPError(.notFound, message: "unknown board action '\(action)'")
                }
            } catch let error as LockControlError {
                throw HTTPError(.conflict, message: error.description)
            }
            return await host.view()
        }
        buses.put(":bus/faults") { request, context -> LockBusView in
            let host = try host(simulator, context)
            let body = try await request.body.collect(upTo: 1_048_576)
            let plan: FaultPlan
            do {
                plan = try JSONDecoder().decode(FaultPlan.self, from: Data(buffer: body))
            } catch {
                throw HTTPError(.badRequest, message: "not a fault plan: \(error)")
            }
            await host.emulator.install(plan)
            return await host.view()
        }
        buses.delete(":bus/faults") { _, context -> LockBusView in
            let host = try host(simulator, context)
            try await host.emulator.control { core throws(LockControlError) in core.clearFaults() }
            return await host.view()
        }
        buses.post(":bus/unplug") { _, context -> LockBusView in
            let host = try host(simulator, context)
            await host.unplug()
            return await host.view()
        }
        buses.post(":bus/replug") { _, context -> LockBusView in
            let host = try host(simulator, context)
            await host.replug()
            return await host.view()
        }
        buses.get(":bus/log") { _, context -> EmulatorLogView in
            let host = try host(simulator, context)
            let entries = await host.emulator.log.suffix(500).map { entry in
                let place = [entry.board.map { "board \($0)" }, entry.channel.map { "channel \($0)" }]
                    .compactMap { $0 }.joined(separator: " ")
                return "\(entry.at) \(place) \(entry.event)"
            }
            return EmulatorLogView(entries: entries)
        }
    }

    private static func host<Context: RequestContext>(_ simulator: HardwareSimulator, _ context: Context) throws -> LockBusHost {
        let id = context.parameters.get("bus") ?? ""
        guard let host = simulator.lockBuses[id] else { throw HTTPError(.notFound, message: "no lock bus '\(id)'") }
        return host
    }

    private static func number<Context: RequestContext, Value: FixedWidthInteger>(
        _ context: Context, _ name: String, as: Value.Type
    ) throws -> Value {
        guard let text = context.parameters.get(name), let value = Value(text) else {
            throw HTTPError(.notFound, message: "\(name) must be a number")
        }
        return value
    }
}
