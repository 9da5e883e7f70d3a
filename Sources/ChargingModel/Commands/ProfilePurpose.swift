/// The purposes of a charging profile that Ampwise uses, in fallback order. The raw values are
/// OCPP 1.6's spellings, which the store keeps; OCPP 2.0.1 calls the last ChargingStationMaxProfile.
public enum ProfilePurpose: String, Sendable, Hashable, CaseIterable {
    case txDefaultProfile = "TxDefaultProfile"
    case txProfile = "TxProfile"
    case chargePointMaxProfile = "ChargePointMaxProfile"

    /// The chargingProfileId Ampwise uses for this purpose on a connector.
    ///
    /// One fixed id per purpose and connector, so that each new profile replaces the last one
    /// instead of piling up: TxDefaultProfile 100 + connector, TxProfile 200 + connector,
    /// ChargePointMaxProfile 300 (it always lives on connector 0).
    public func profileId(connectorId: Int) -> Int {
        switch self {
        case .txDefaultProfile: 100 + connectorId
        case .txProfile: 200 + connectorId
        case .chargePointMaxProfile: 300
        }
    }
}
