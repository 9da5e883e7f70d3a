import ChargingModel

extension LimitUnit {
    /// The unit to use for an OCPP 2.0.1 station, from its `SmartChargingCtrlr.RateUnit`
    /// (`"A"`, `"W"`, `"A,W"`): amperes whenever it takes them (or says nothing), as for 1.6.
    init(ocpp201RateUnits rateUnits: String?) {
        let units = (rateUnits ?? "").split(separator: ",").map { $0.filter { !$0.isWhitespace }.uppercased() }
        self = units.contains("W") && !units.contains("A") ? .watts : .amps
    }
}
