import ChargePointManagement

extension AmpwiseConfiguration {
    /// What charge point management needs from `ampwise.json`: `central.heartbeatInterval`,
    /// `central.meterValueSampleInterval`, `central.measurands`, `central.allowUnknownChargers`,
    /// `idTags` and each charger's `idTag`.
    public func chargerFleetSettings() -> ChargerFleetSettings {
        let chargers = chargers
        return ChargerFleetSettings(
            heartbeatInterval: central.heartbeatInterval, meterValueSampleInterval: central.meterValueSampleInterval,
            measurands: central.measurands, idTags: idTags, chargerIdTag: { chargers[$0]?.idTag },
            isListedCharger: { chargers[$0] != nil }, allowUnknownChargers: central.allowUnknownChargers)
    }
}
