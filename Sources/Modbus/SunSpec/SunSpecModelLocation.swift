/// One model found on a device: its id, the address of its ID register, and its length (the
/// registers after the ID and L registers).
public struct SunSpecModelLocation: Sendable, Equatable {
    public let id: UInt16
    public let address: UInt16
    public let length: UInt16

    public init(id: UInt16, address: UInt16, length: UInt16) {
        self.id = id
        self.address = address
        self.length = length
    }
}
