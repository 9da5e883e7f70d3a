import Foundation
import Store

extension SessionEnergyTracker {
    /// A close of this open transaction that Ampwise makes itself, the charger having forgotten it
    /// (a new StartTransaction on its connector, or `POST /api/transactions/{id}/close`): its energy
    /// is what its last meter value gave, its meter stop the start plus that energy (in either
    /// register mode), and it stopped at that meter value's time, or at `latestEnd` without one.
    func estimatedStop(chargerId: String, reason: String, latestEnd: Date, receivedAt: Date) -> TransactionStop {
        let energy = sessionEnergy
        return TransactionStop(
            chargerId: chargerId, transactionId: transactionId, meterStop: Int((meterStart + energy).rounded()),
            stoppedAt: lastUpdate ?? latestEnd, reason: reason, energyWh: energy, receivedAt: receivedAt)
    }
}
