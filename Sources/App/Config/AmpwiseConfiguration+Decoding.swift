import Central
import ChargePointManagement
import ChargingModel
import Chronology
import Foundation
import JSON
import Logging
import Scheduling
import WebSocket

extension AmpwiseConfiguration {
    /// Parses and checks the text of a configuration file; `file` names it in error messages.
    public init(jsonText text: String, file: String) throws(ConfigurationError) {
        try self.init(jsonBytes: Array(text.utf8), file: file)
    }

    /// Parses and checks the bytes of a configuration file; `file` names it in error messages.
    /// Lines that start with `//` are comments.
    public init(jsonBytes bytes: [UInt8], file: String) throws(ConfigurationError) {
        let document: JSONValue
        do {
            document = try JSONParser.parse(Self.blankingCommentLines(bytes))
        } catch {
            throw .invalidJSON(file: file, line: error.line, column: error.column, message: error.message)
        }
        try self.init(json: document, file: file)
    }

    /// Checks a parsed configuration document; every problem is reported, not just the first.
    public init(json document: JSONValue, file: String) throws(ConfigurationError) {
        self.init()
        var reader = ConfigurationReader()
        decode(document, with: &reader)
        guard reader.problems.isEmpty else { throw .invalid(file: file, problems: reader.problems) }
    }

    private mutating func decode(_ document: JSONValue, with reader: inout ConfigurationReader) {
        let keys = [
            "central", "api", "database", "rules", "timezone", "logLevel", "idTags", "chargers", "tariff", "scheduler",
            "sources", "mqtt",
        ]
        guard case .object = document else {
            reader.report("", "expected a JSON object at the top level")
            return
        }
        guard let root = reader.object(document, at: "", known: keys) else { return }
        if let value = root["central"] { central.decode(value, with: &reader) }
        if let value = root["api"] { api.decode(value, with: &reader) }
        database = reader.nonEmptyString(root, "database", in: "") ?? database
        rules = reader.nonEmptyString(root, "rules", in: "") ?? rules
        if let identifier = reader.string(root, "timezone", in: "") {
            if let zone = TimeZone(identifier: identifier) {
                timeZone = zone
            } else {
                reader.report(
                    "timezone", "unknown time zone \"\(identifier)\" (expected a name like \"Europe/Amsterdam\")")
            }
        }
        // Exactly the four names of README.md, "Commands": LogLevel(name:) alone would also take "warn".
        let levels = LogLevel.allCases.map { $0.name.lowercased() }
        let parseLevel: (JSONValue) -> LogLevel? = { value in
            value.stringValue.flatMap { levels.contains($0) ? LogLevel(name: $0) : nil }
        }
        logLevel =
            reader.value(root, "logLevel", in: "", expected: ConfigurationReader.choices(levels), parseLevel)
            ?? logLevel
        if let value = root["idTags"] { idTags = Self.decodeIdTags(value, with: &reader) }
        if let value = root["chargers"], let object = reader.object(value, at: "chargers", known: nil) {
            for (id, entry) in object {
                if id.isEmpty {
                    reader.report("chargers", "a charger id cannot be empty")
                } else if let problem = ChargerIdRules.problem(with: id) {
                    // The same rule as at the upgrade: a charger with this id could never connect.
                    let path = ConfigurationReader.path("chargers", LogEscaping.escaped(id))
                    reader.report(path, "not a usable charger id: \(problem)")
                }
                var charger = Charger()
                charger.decode(entry, at: ConfigurationReader.path("chargers", id), with: &reader)
                chargers[id] = charger
            }
        }
        checkSecurityProfiles(with: &reader)
        if let value = root["tariff"] { tariff.decode(value, with: &reader) }
        if let value = root["scheduler"] { scheduling.decode(value, with: &reader) }
        if let value = root["sources"] { sources = Self.decodeSources(value, with: &reader) }
        if let value = root["mqtt"], value != .null {
            var settings = MQTT()
            settings.decode(value, with: &reader)
            mqtt = settings
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) where source.type == "mqtt" && mqtt == nil {
            reader.report(
                ConfigurationReader.path("sources", name) + ".type",
                "an mqtt source reads from the broker of the mqtt section, and there is none")
        }
    }

    private static func decodeIdTags(_ value: JSONValue, with reader: inout ConfigurationReader) -> IdTagPolicy {
        guard let object = reader.object(value, at: "idTags", known: ["default", "tags"]) else { return IdTagPolicy() }
        let defaultStatus = reader.oneOf(object, "default", in: "idTags", IdTagStatus.self) ?? .accepted
        var tags: [String: IdTagStatus] = [:]
        if let value = object["tags"] {
            guard case .object(let entries) = value else {
                reader.report("idTags.tags", "expected an object")
                return IdTagPolicy(defaultStatus: defaultStatus)
            }
            var seen: [String: String] = [:]
            for (tag, _) in entries {
                let path = ConfigurationReader.path("idTags.tags", tag)
                if tag.isEmpty || tag.count > 20 {
                    reader.report(path, "an id tag has 1 to 20 characters")
                } else if let earlier = seen[tag.uppercased()] {
                    // OCPP id tags ignore case, so these two would be one tag with two statuses.
                    reader.report(path, "the same tag as \"\(earlier)\" (id tags ignore case)")
                }
                seen[tag.uppercased()] = seen[tag.uppercased()] ?? tag
                if let status = reader.oneOf(entries, tag, in: "idTags.tags", IdTagStatus.self) { tags[tag] = status }
            }
        }
        return IdTagPolicy(defaultStatus: defaultStatus, tags: tags)
    }
}

extension AmpwiseConfiguration.CentralSystem {
    fileprivate mutating func decode(_ value: JSONValue, with reader: inout ConfigurationReader) {
        let path = "central"
        let keys = [
            "host", "port", "tls", "heartbeatInterval", "meterValueSampleInterval", "measurands", "pingInterval",
            "pingTimeout", "callTimeout", "maxMessageBytes", "maxBufferedBytes", "allowUnknownChargers", "protocols",
        ]
        guard let object = reader.object(value, at: path, known: keys) else { return }
        host = reader.nonEmptyString(object, "host", in: path) ?? host
        port = reader.port(object, "port", in: path) ?? port
        if let value = object["tls"], value != .null {
            tls = AmpwiseConfiguration.TLS.decode(value, at: "central.tls", with: &reader)
        }
        heartbeatInterval =
            reader.integer(object, "heartbeatInterval", in: path, ValueRanges.heartbeatInterval) ?? heartbeatInterval
        meterValueSampleInterval =
            reader.integer(object, "meterValueSampleInterval", in: path, ValueRanges.meterValueSampleInterval)
            ?? meterValueSampleInterval
        if let value = object["measurands"] {
            if case .array(let items) = value {
                var list: [Measurand] = []
                for (index, item) in items.enumerated() {
                    let itemPath = "central.measurands[\(index)]"
                    if let name = item.stringValue {
                        let measurand = Measurand(spelling: name)
                        if case .other = measurand {
                            reader.report(itemPath, "unknown measurand \"\(name)\"")
                        } else {
                            list.append(measurand)
                        }
                    } else {
                        reader.report(itemPath, "expected a string")
                    }
                }
                measurands = list
            } else {
                reader.report("central.measurands", "expected an array of measurand names")
            }
        }
        pingInterval = reader.number(object, "pingInterval", in: path, ValueRanges.connectionSeconds) ?? pingInterval
        pingTimeout = reader.number(object, "pingTimeout", in: path, ValueRanges.connectionSeconds) ?? pingTimeout
        callTimeout = reader.number(object, "callTimeout", in: path, ValueRanges.connectionSeconds) ?? callTimeout
        maxMessageBytes =
            reader.integer(object, "maxMessageBytes", in: path, ValueRanges.maxMessageBytes) ?? maxMessageBytes
        if let buffered = reader.integer(object, "maxBufferedBytes", in: path, ValueRanges.maxBufferedBytes) {
            maxBufferedBytes = buffered
            // Else one message of the largest size allowed could never arrive. (The default, 64 MiB,
            // is the largest maxMessageBytes.)
            if buffered < maxMessageBytes {
                reader.report(
                    "central.maxBufferedBytes", "\(buffered) is below central.maxMessageBytes \(maxMessageBytes)")
            }
        }
        allowUnknownChargers = reader.bool(object, "allowUnknownChargers", in: path) ?? allowUnknownChargers
        if let value = object["protocols"] { protocols = Self.decodeProtocols(value, with: &reader) ?? protocols }
    }

    /// `central.protocols`: a non-empty list of the subprotocols Ampwise speaks, each once.
    private static func decodeProtocols(_ value: JSONValue, with reader: inout ConfigurationReader) -> [String]? {
        let known = AmpwiseConfiguration.CentralSystem.knownProtocols
        guard case .array(let items) = value, !items.isEmpty else {
            reader.report(
                "central.protocols",
                "expected a non-empty array of subprotocols (\(ConfigurationReader.choices(known)))")
            return nil
        }
        var list: [String] = []
        for (index, item) in items.enumerated() {
            let itemPath = "central.protocols[\(index)]"
            guard let name = item.stringValue, known.contains(name) else {
                reader.report(itemPath, "expected \(ConfigurationReader.choices(known))")
                continue
            }
            guard !list.contains(name) else {
                reader.report(itemPath, "\(name) is listed twice")
                continue
            }
            list.append(name)
        }
        return list.isEmpty ? nil : list
    }
}

extension AmpwiseConfiguration.TLS {
    fileprivate static func decode(
        _ value: JSONValue, at path: String, with reader: inout ConfigurationReader
    ) -> AmpwiseConfiguration.TLS? {
        let keys = ["certificate", "privateKey", "clientCA", "port", "ca"]
        guard let object = reader.object(value, at: path, known: keys) else { return nil }
        let certificate = reader.nonEmptyString(object, "certificate", in: path)
        let privateKey = reader.nonEmptyString(object, "privateKey", in: path)
        let clientCA = reader.nonEmptyString(object, "clientCA", in: path)
        let port = reader.port(object, "port", in: path)
        let ca = object["ca"].flatMap { value in
            value == .null
                ? nil
                : AmpwiseConfiguration.CertificateAuthorityFiles.decode(
                    value, at: ConfigurationReader.path(path, "ca"), with: &reader)
        }
        for key in ["certificate", "privateKey"] where object[key] == nil {
            reader.report(ConfigurationReader.path(path, key), "missing (central.tls needs both files)")
        }
        guard let certificate, let privateKey else { return nil }
        return AmpwiseConfiguration.TLS(
            certificate: certificate, privateKey: privateKey, clientCA: clientCA, port: port, ca: ca)
    }
}

extension AmpwiseConfiguration.CertificateAuthorityFiles {
    fileprivate static func decode(
        _ value: JSONValue, at path: String, with reader: inout ConfigurationReader
    ) -> AmpwiseConfiguration.CertificateAuthorityFiles? {
        guard let object = reader.object(value, at: path, known: ["certificate", "privateKey"]) else { return nil }
        let certificate = reader.nonEmptyString(object, "certificate", in: path)
        let privateKey = reader.nonEmptyString(object, "privateKey", in: path)
        for key in ["certificate", "privateKey"] where object[key] == nil {
            reader.report(ConfigurationReader.path(path, key), "missing (the CA needs its certificate and its key)")
        }
        guard let certificate, let privateKey else { return nil }
        return AmpwiseConfiguration.CertificateAuthorityFiles(certificate: certificate, privateKey: privateKey)
    }
}

extension AmpwiseConfiguration.API {
    fileprivate mutating func decode(_ value: JSONValue, with reader: inout ConfigurationReader) {
        let path = "api"
        guard let object = reader.object(value, at: path, known: ["host", "port", "token"]) else { return }
        host = reader.nonEmptyString(object, "host", in: path) ?? host
        port = reader.port(object, "port", in: path) ?? port
        if let value = object["token"], value != .null {
            token = reader.value(object, "token", in: path, expected: "a non-empty string or null") {
                $0.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            }
        }
    }
}

extension AmpwiseConfiguration.Charger {
    fileprivate mutating func decode(_ value: JSONValue, at path: String, with reader: inout ConfigurationReader) {
        let keys = [
            "password", "maxCurrent", "minCurrent", "phases", "voltage", "idTag", "strict", "pause", "phaseSwitching",
            "securityProfile",
        ]
        guard let object = reader.object(value, at: path, known: keys) else { return }
        password = reader.nonEmptyString(object, "password", in: path) ?? password
        let givenMax = reader.number(object, "maxCurrent", in: path, ValueRanges.maxCurrent)
        let givenMin = reader.number(object, "minCurrent", in: path, ValueRanges.minCurrent)
        maxCurrent = givenMax ?? maxCurrent
        minCurrent = givenMin ?? minCurrent
        if (givenMax != nil || givenMin != nil) && minCurrent > maxCurrent {
            let minimum = givenMin == nil ? "\(Self.amperes(minCurrent)) (the default)" : Self.amperes(minCurrent)
            let maximum = givenMax == nil ? "\(Self.amperes(maxCurrent)) (the default)" : Self.amperes(maxCurrent)
            reader.report("\(path).minCurrent", "\(minimum) is above maxCurrent \(maximum)")
        }
        phases =
            reader.value(object, "phases", in: path, expected: "1 or 3") {
                $0.intValue.flatMap { $0 == 1 || $0 == 3 ? $0 : nil }
            } ?? phases
        voltage = reader.number(object, "voltage", in: path, ValueRanges.voltage) ?? voltage
        idTag =
            reader.value(object, "idTag", in: path, expected: "a string of 1 to 20 characters") {
                $0.stringValue.flatMap { (1...20).contains($0.count) ? $0 : nil }
            } ?? idTag
        strict = reader.bool(object, "strict", in: path) ?? strict
        pause = reader.oneOf(object, "pause", in: path, PauseMethod.self) ?? pause
        phaseSwitching = reader.bool(object, "phaseSwitching", in: path) ?? phaseSwitching
        if phaseSwitching && phases != 3 {
            // Only a 3-phase charger has phases to switch off (docs/rules.md, "Phase switching").
            reader.report("\(path).phaseSwitching", "needs a 3-phase charger (phases is \(phases))")
        }
        securityProfile =
            reader.integer(object, "securityProfile", in: path, ValueRanges.securityProfile)
            .flatMap(SecurityProfile.init(rawValue:)) ?? securityProfile
    }

    /// `16`, `6.5`: a number as the user wrote it, without a trailing `.0`.
    private static func amperes(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}

extension AmpwiseConfiguration.Tariff {
    fileprivate mutating func decode(_ value: JSONValue, with reader: inout ConfigurationReader) {
        guard let object = reader.object(value, at: "tariff", known: ["default", "periods", "provider", "formula"])
        else { return }
        defaultPrice = reader.number(object, "default", in: "tariff", ValueRanges.price) ?? defaultPrice
        if let value = object["provider"] { provider = Self.decodeProvider(value, with: &reader) }
        if let value = object["formula"] { formula = Self.decodeFormula(value, with: &reader) }
        guard let value = object["periods"] else { return }
        guard case .array(let items) = value else {
            reader.report("tariff.periods", "expected an array")
            return
        }
        periods = items.enumerated().compactMap { index, item in
            Self.decodePeriod(item, at: "tariff.periods[\(index)]", with: &reader)
        }
    }

    private static func decodePeriod(
        _ value: JSONValue, at path: String, with reader: inout ConfigurationReader
    ) -> TariffPeriod? {
        guard let object = reader.object(value, at: path, known: ["from", "to", "price", "days"]) else { return nil }
        let clockTime = "a clock time \"HH:MM\" from \"00:00\" to \"24:00\""
        let parseClockTime: (JSONValue) -> ClockTime? = { $0.stringValue.flatMap(ClockTime.init) }
        let from = reader.value(object, "from", in: path, expected: clockTime, parseClockTime)
        let to = reader.value(object, "to", in: path, expected: clockTime, parseClockTime)
        let price = reader.number(object, "price", in: path, ValueRanges.price)
        let days = reader.value(
            object, "days", in: path, expected: "days like \"mon..sun\", \"sat,sun\" or \"mon..wed, sat\""
        ) { $0.stringValue.flatMap(WeekdaySet.init) }
        for key in ["from", "to", "price"] where object[key] == nil {
            reader.report(ConfigurationReader.path(path, key), "missing")
        }
        if let from, let to, from == to {
            reader.report("\(path).to", "equal to from (a period cannot be empty)")
        }
        if let from, from.minutes == 24 * 60 {
            reader.report("\(path).from", "\"24:00\" is only allowed for to")
        }
        guard let from, let to, let price, from != to, from.minutes < 24 * 60 else { return nil }
        return TariffPeriod(from: from, to: to, price: price, days: days ?? .everyDay)
    }
}

extension AmpwiseConfiguration.Scheduling {
    fileprivate mutating func decode(_ value: JSONValue, with reader: inout ConfigurationReader) {
        let path = "scheduler"
        let keys = ["tick", "deadband", "minIncreaseInterval", "inputMaxAge", "retryInterval", "phaseSwitchInterval"]
        guard let object = reader.object(value, at: path, known: keys) else { return }
        tick = reader.number(object, "tick", in: path, ValueRanges.tick) ?? tick
        deadband = reader.number(object, "deadband", in: path, ValueRanges.deadband) ?? deadband
        minIncreaseInterval =
            reader.number(object, "minIncreaseInterval", in: path, ValueRanges.schedulerSeconds) ?? minIncreaseInterval
        inputMaxAge = reader.number(object, "inputMaxAge", in: path, ValueRanges.inputMaxAge) ?? inputMaxAge
        retryInterval = reader.number(object, "retryInterval", in: path, ValueRanges.retryInterval) ?? retryInterval
        phaseSwitchInterval =
            reader.number(object, "phaseSwitchInterval", in: path, ValueRanges.phaseSwitchInterval)
            ?? phaseSwitchInterval
    }
}
