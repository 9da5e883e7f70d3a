/// The OCPP 1.6 actions the command policy sends.
public enum CommandAction: String, Sendable, Hashable {
    case setChargingProfile = "SetChargingProfile"
    case clearChargingProfile = "ClearChargingProfile"
    case remoteStartTransaction = "RemoteStartTransaction"
    case remoteStopTransaction = "RemoteStopTransaction"
    case changeAvailability = "ChangeAvailability"
}
