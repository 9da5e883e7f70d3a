import ChargePointManagement
import ChargingModel
import OCPP

@testable import Scheduling

extension PolicyCommand {
    /// The OCPP 1.6 action the command goes to a charger as.
    var action: OCPPAction { type(of: command.ocpp16Request).action }

    /// The profile purpose of a limit or its withdrawal.
    var purpose: ProfilePurpose? {
        switch command {
        case .setLimit(let limit): limit.purpose
        case .clearLimit(_, _, let purpose): purpose
        default: nil
        }
    }
}
