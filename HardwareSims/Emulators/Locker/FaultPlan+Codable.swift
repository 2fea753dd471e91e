// Scenario JSON for faults, flat and readable:
//   {"fault": "slowReply", "board": 0, "delayMilliseconds": 300, "activation": {"nextCommands": 2}}
//   {"fault": "stuckLock", "board": 1, "channel": 7, "activation": "immediately"}
//   {"fault": "powerCycle", "board": 0, "activation": {"atMilliseconds": 1500}}
// `activation` may be omitted (= "immediately"); `channel` may be omitted (= every channel).

extension ScheduledFault: Codable {
    private enum Keys: String, CodingKey {
        case fault, board, channel, activation
        case delayMilliseconds, keepBytes, bytes, open, present, mode
    }

    /// Decodes the flat scenario form.
    /// - Throws: `DecodingError` for an unknown fault name, a missing parameter or a negative value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let name = try container.decode(String.self, forKey: .fault)
        let fault: LockFault
        switch name {
        case "offline": fault = .offline
        case "slowReply":
            let milliseconds = try container.decode(Int.self, forKey: .delayMilliseconds)
            guard milliseconds >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .delayMilliseconds, in: container, debugDescription: "must not be negative")
            }
            fault = .slowReply(delay: .milliseconds(milliseconds))
        case "corruptChecksum": fault = .corruptChecksum
        case "truncatedReply":
            let keep = try container.decode(Int.self, forKey: .keepBytes)
            guard keep >= 0 else {
                throw DecodingError.dataCorruptedError(forKey: .keepBytes, in: container, debugDescription: "must not be negative")
            }
            fault = .truncatedReply(keepBytes: keep)
        case "strayBytes": fault = .strayBytes(try container.decode([UInt8].self, forKey: .bytes))
        case "duplicateReply": fault = .duplicateReply
        case "stuckLock": fault = .stuckLock
        case "doorSensorStuck": fault = .doorSensorStuck(open: try container.decode(Bool.self, forKey: .open))
        case "itemSensorStuck": fault = .itemSensorStuck(present: try container.decode(Bool.self, forKey: .present))
        case "addressCollision": fault = .addressCollision(try container.decode(CollisionMode.self, forKey: .mode))
        case "powerCycle": fault = .powerCycle
        case "forcedDoor": fault = .forcedDoor
        case "doorLeftOpen": fault = .doorLeftOpen
        default:
            throw DecodingError.dataCorruptedError(forKey: .fault, in: container, debugDescription: "unknown fault \(name)")
        }
        self.fault = fault
        self.scope = FaultScope(
            board: try container.decode(UInt8.self, forKey: .board),
            channel: try container.decodeIfPresent(Int.self, forKey: .channel))
        self.activation = try container.decodeIfPresent(FaultActivation.self, forKey: .activation) ?? .immediately
    }

    /// Encodes the flat scenario form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(fault.name, forKey: .fault)
        try container.encode(scope.board, forKey: .board)
        try container.encodeIfPresent(scope.channel, forKey: .channel)
        try container.encode(activation, forKey: .activation)
        switch fault {
        case .slowReply(let delay): try container.encode(delay.wholeMilliseconds, forKey: .delayMilliseconds)
        case .truncatedReply(let keep): try container.encode(keep, forKey: .keepBytes)
        case .strayBytes(let bytes): try container.encode(bytes, forKey: .bytes)
        case .doorSensorStuck(let open): try container.encode(open, forKey: .open)
        case .itemSensorStuck(let present): try container.encode(present, forKey: .present)
        case .addressCollision(let mode): try container.encode(mode, forKey: .mode)
        case .offline, .corruptChecksum, .duplicateReply, .stuckLock, .powerCycle, .forcedDoor, .doorLeftOpen: break
        }
    }
}

extension FaultActivation: Codable {
    private enum Keys: String, CodingKey {
        case atMilliseconds, nextCommands
    }

    /// Decodes `"immediately"`, `{"atMilliseconds": n}` or `{"nextCommands": n}`.
    /// - Throws: `DecodingError` for any other shape, a negative time or fewer than one command.
    public init(from decoder: any Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            guard word == "immediately" else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "unknown activation \(word)"))
            }
            self = .immediately
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        if let milliseconds = try container.decodeIfPresent(Int.self, forKey: .atMilliseconds) {
            guard milliseconds >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .atMilliseconds, in: container, debugDescription: "must not be negative")
            }
            self = .at(.milliseconds(milliseconds))
        } else {
            let count = try container.decode(Int.self, forKey: .nextCommands)
            guard count >= 1 else {
                throw DecodingError.dataCorruptedError(forKey: .nextCommands, in: container, debugDescription: "must be at least 1")
            }
            self = .forNextCommands(count)
        }
    }

    /// Encodes the same three shapes.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .immediately:
            var container = encoder.singleValueContainer()
            try container.encode("immediately")
        case .at(let time):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(time.wholeMilliseconds, forKey: .atMilliseconds)
        case .forNextCommands(let count):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(count, forKey: .nextCommands)
        }
    }
}

extension Duration {
    /// Whole milliseconds in this duration, rounded toward zero.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
