/// Every MQTT 3.1.1 control packet a client sends or receives, as a value. Encoding and decoding
/// are in `MQTTPacket+Encoding` and `MQTTPacketDecoder`; the layouts follow the OASIS
/// specification (MQTT Version 3.1.1, OASIS Standard, 29 October 2014, chapter 3), quoted by
/// section where a detail matters.
///
/// QoS 2's PUBREC, PUBREL and PUBCOMP are decoded so that a misbehaving broker is named in the
/// log, but the client never asks for QoS 2 (`MQTTQoS`).
public enum MQTTPacket: Sendable, Hashable {
    case connect(MQTTConnect)
    case connack(sessionPresent: Bool, returnCode: MQTTConnectReturnCode)
    case publish(MQTTPublish)
    case puback(packetId: UInt16)
    case pubrec(packetId: UInt16)
    case pubrel(packetId: UInt16)
    case pubcomp(packetId: UInt16)
    case subscribe(packetId: UInt16, subscriptions: [MQTTSubscription])
    case suback(packetId: UInt16, returnCodes: [MQTTSubscribeReturnCode])
    case unsubscribe(packetId: UInt16, filters: [String])
    case unsuback(packetId: UInt16)
    case pingreq
    case pingresp
    case disconnect

    public var type: MQTTPacketType {
        switch self {
        case .connect: .connect
        case .connack: .connack
        case .publish: .publish
        case .puback: .puback
        case .pubrec: .pubrec
        case .pubrel: .pubrel
        case .pubcomp: .pubcomp
        case .subscribe: .subscribe
        case .suback: .suback
        case .unsubscribe: .unsubscribe
        case .unsuback: .unsuback
        case .pingreq: .pingreq
        case .pingresp: .pingresp
        case .disconnect: .disconnect
        }
    }
}
