import ChargerSimulation
import ChargingModel
import Foundation
import Logging
import Scheduling
import Synchronization

/// What `ampwise demo` adds to a running site: the simulated chargers and the house.
final class DemoSite: Sendable {
    let chargerIds: [String]
    private let state = Mutex<(chargers: [SimulatedCharger], house: Task<Void, Never>?)>(([], nil))

    init(chargerIds: [String]) {
        self.chargerIds = chargerIds
    }

    /// Pushes the day's prices, connects the chargers (their cars plug in a few seconds apart) and
    /// starts the house.
    func start(_ started: StartedSite) async {
        let engine = started.site.engine
        let house = DemoHouse(clockStart: Date())
        do {
            try await engine.replaceTariff(house.priceSlots(from: Date(), hours: 48))
        } catch {
            Logger(label: "demo").warning("cannot push the demo prices: \(error.message)")
        }
        let chargers = chargerIds.enumerated().map { index, chargerId in
            var settings = SimulatedChargerSettings(chargerId: chargerId, port: started.chargerPort)
            settings.phases = DemoCommand.phases(ofChargerAt: index)
            settings.carMaxAmps = index == 0 || index % 2 == 1 ? 16 : 10
            settings.plugInAfter = 2 + Double(index) * 4
            settings.sessionSeconds = index == 0 ? 900 : 240 + Double(index % 3) * 90
            settings.pauseBetweenSessions = 45 + Double(index % 4) * 15
            return SimulatedCharger(settings: settings)
        }
        for charger in chargers { charger.start() }
        let task = Task {
            while !Task.isCancelled {
                let draw = chargers.reduce(0) { $0 + $1.status.powerWatts }
                let inputs = house.inputs(at: Date(), chargersWatts: draw)
                _ = try? await engine.updateInputs(InputUpdate(values: inputs))
                try? await Task.sleep(for: .seconds(2))
            }
        }
        state.withLock { $0 = (chargers, task) }
    }

    /// Stops the house and disconnects the chargers (off the concurrency pool: each waits for its thread).
    func stop() async {
        let (chargers, house) = state.withLock { ($0.chargers, $0.house) }
        house?.cancel()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                for charger in chargers { charger.stop() }
                continuation.resume()
            }
        }
    }
}
