import JSON

extension RPCFrame {
    /// The frame as compact UTF-8 JSON, ready for a WebSocket text message.
    public func bytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        write(to: &output)
        return output
    }

    /// The frame as JSON text (for logs and tests).
    public func text() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    /// Appends the frame's JSON to `output`, so that a caller can frame it in place.
    public func write(to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        output.append(UInt8(ascii: "0") + UInt8(messageType.rawValue))
        output.append(UInt8(ascii: ","))
        switch self {
        case .call(let uniqueId, let action, let payload):
            JSONWriter.writeString(uniqueId, to: &output)
            output.append(UInt8(ascii: ","))
            JSONWriter.writeString(action, to: &output)
            output.append(UInt8(ascii: ","))
            JSONWriter.write(.object(payload), to: &output)
        case .callResult(let uniqueId, let payload):
            JSONWriter.writeString(uniqueId, to: &output)
            output.append(UInt8(ascii: ","))
            JSONWriter.write(.object(payload), to: &output)
        case .callError(let uniqueId, let code, let description, let details):
            JSONWriter.writeString(uniqueId, to: &output)
            output.append(UInt8(ascii: ","))
            JSONWriter.writeString(code.rawValue, to: &output)
            output.append(UInt8(ascii: ","))
            JSONWriter.writeString(description, to: &output)
            output.append(UInt8(ascii: ","))
            JSONWriter.write(.object(details), to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }
}
