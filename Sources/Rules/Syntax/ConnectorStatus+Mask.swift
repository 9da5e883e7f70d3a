import ChargingModel

extension ConnectorStatus {
    /// This status's bit in a `status in ...` mask: the check is one AND per connector.
    var bit: UInt16 { 1 << UInt16(Self.allCases.firstIndex(of: self)!) }
}
