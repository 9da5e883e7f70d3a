import FuzzSupport
import MQTT

/// Feeds the input to `MQTTPacketDecoder` (what a broker sends; the tests' broker decodes the
/// client's side with it too) whole, and again in two pieces as bytes arrive from a socket: both
/// must give the same packets and the same error. Every packet decoded must encode to bytes that
/// decode to the same packet.
@_cdecl("FuzzMQTTPacketDecoder_main")
public func fuzzMQTTPacketDecoderMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzMQTTPacketDecoder)
}

/// A small limit, so that `packetTooLarge` is reached by inputs of fuzzing size.
private let maximumPacketBytes = 2048

func fuzzMQTTPacketDecoder(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = Array(fuzzInput(data, count))
    let split = input.isEmpty ? 0 : Int(input[0]) % (input.count + 1)
    let whole = decodeAll([input[...]])
    let pieces = decodeAll([input[..<split], input[split...]])
    precondition(whole.packets == pieces.packets && whole.error == pieces.error, "split input decoded differently")
    // Each packet takes at least two bytes.
    precondition(whole.packets.count <= input.count / 2)
    for packet in whole.packets {
        var again = MQTTPacketDecoder(maximumPacketBytes: Int.max)
        again.append(packet.encoded())
        precondition((try? again.next()) == packet, "\(packet) does not survive encoding")
    }
    return 0
}

/// The packets in `pieces`, appended one after the other, up to the first error.
private func decodeAll(_ pieces: [ArraySlice<UInt8>]) -> (packets: [MQTTPacket], error: MQTTDecodeError?) {
    var decoder = MQTTPacketDecoder(maximumPacketBytes: maximumPacketBytes)
    var packets: [MQTTPacket] = []
    for piece in pieces {
        decoder.append(Array(piece))
        do throws(MQTTDecodeError) {
            while let packet = try decoder.next() { packets.append(packet) }
        } catch {
            return (packets, error)
        }
    }
    return (packets, nil)
}
