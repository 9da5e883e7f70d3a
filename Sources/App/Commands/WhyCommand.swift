import Chronology
import Foundation
import OCPP
import Store

/// `ampwise why CHARGER`: the recorded decisions and commands of a charger as a timeline.
enum WhyCommand {
    /// The most rows of each kind read; the timeline shows the latest ones.
    static let rowLimit = 10_000

    static func run(_ options: WhyOptions) async -> Int32 {
        guard let loaded = AmpwiseCommand.loadConfiguration(path: options.configPath) else { return 2 }
        let configuration = options.applied(to: loaded)
        let path = configuration.database
        guard FileManager.default.fileExists(atPath: path) else {
            AmpwiseCommand.printError("ampwise: \(path): no database here (give --db or set \"database\")")
            return 1
        }
        let store: Store
        do {
            store = try Store(path: path)
        } catch {
            AmpwiseCommand.printError("ampwise: \(path): cannot open the database: \(error)")
            return 1
        }
        do {
            let text = try await timeline(options: options, store: store, timeZone: configuration.timeZone)
            await store.close()
            print(text, terminator: "")
            return 0
        } catch {
            await store.close()
            AmpwiseCommand.printError("ampwise: \(path): cannot read the database: \(error)")
            return 1
        }
    }

    /// The timeline text for `options` from `store`.
    static func timeline(options: WhyOptions, store: Store, timeZone: TimeZone) async throws -> String {
        let decisions = try await store.decisions(
            chargerId: options.chargerId, connectorId: options.connector, since: options.since, limit: rowLimit)
        var commands = try await store.commands(chargerId: options.chargerId, since: options.since, limit: rowLimit)
        if let connector = options.connector {
            commands = commands.filter { $0.connectorId == connector || $0.connectorId == nil }
        }
        var securityEvents: [ChargerEventRecord] = []
        for kind in AuditTimeline.securityKinds {
            securityEvents += try await store.events(
                chargerId: options.chargerId, kind: kind, since: options.since, limit: rowLimit)
        }
        if decisions.isEmpty && commands.isEmpty && securityEvents.isEmpty {
            var scope = options.chargerId
            if let connector = options.connector { scope += " connector \(connector)" }
            if let since = options.since {
                scope +=
                    " since " + LocalTime(since, in: timeZone).timestampText + " "
                    + AuditTimeline.utcOffset(since, in: timeZone) + " (\(AuditTimeline.zoneName(timeZone)))"
            }
            return "Nothing recorded for \(scope): no decision or command yet.\n"
        }
        return AuditTimeline.render(
            chargerId: options.chargerId, decisions: decisions, commands: commands, securityEvents: securityEvents,
            timeZone: timeZone)
    }
}
