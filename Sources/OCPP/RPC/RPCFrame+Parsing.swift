import JSON

extension RPCFrame {
    /// Parses one WebSocket text message as an OCPP-J frame.
    ///
    /// Errors say which code to answer with (`RPCFrameError.reply`): a frame whose id cannot
    /// be read is for the log only; one with a readable id but the wrong shape, or invalid JSON
    /// after a readable `[2,"id"` start, gets the version's code for a malformed frame (1.6:
    /// `FormationViolation`); an unknown message type the code for that (1.6: `ProtocolError`).
    @inlinable  // so that a session in another module gets a specialised parser, not the generic one
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(RPCFrameError<Code>) -> Self {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            let prefix = salvagePrefix(bytes)
            throw RPCFrameError(
                uniqueId: prefix?.uniqueId, messageTypeId: prefix?.messageTypeId, code: Code.answering(.malformed),
                message: "invalid JSON: \(error)")
        }
        return try parse(value)
    }

    /// Reads `[<type>,"<id>"` from the start of a message that is not valid JSON, so that a
    /// CALL broken further on can still be refused instead of leaving the charger to time out.
    /// Only a plain id (no escapes) counts: anything less certain is not worth answering.
    @usableFromInline
    static func salvagePrefix(_ bytes: UnsafeRawBufferPointer) -> (messageTypeId: Int, uniqueId: String)? {
        var position = 0
        func skipWhitespace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }
        func expect(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
        guard expect(UInt8(ascii: "[")) else { return nil }
        skipWhitespace()
        guard position < bytes.count, (UInt8(ascii: "2")...UInt8(ascii: "4")).contains(bytes[position]) else {
            return nil
        }
        let typeId = Int(bytes[position] - UInt8(ascii: "0"))
        position += 1
        guard expect(UInt8(ascii: ",")), expect(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            guard bytes[position] >= 0x20, bytes[position] != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        guard position < bytes.count, position > start,
            let uniqueId = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        else { return nil }
        return (typeId, uniqueId)
    }

    /// Parses one WebSocket text message as an OCPP-J frame; see `parse(_:)` for raw bytes.
    @inlinable
    public static func parse(_ bytes: [UInt8]) throws(RPCFrameError<Code>) -> Self {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(RPCFrameError<Code>) in try parse(buffer) }
        }.get()
    }

    /// Interprets an already parsed JSON value as an OCPP-J frame.
    @inlinable
    public static func parse(_ value: JSONValue) throws(RPCFrameError<Code>) -> Self {
        guard case .array(let elements) = value else {
            throw RPCFrameError(
                uniqueId: nil, messageTypeId: nil, code: Code.answering(.malformed),
                message: "an OCPP-J message is a JSON array, got \(value.typeDescription)")
        }
        // The id is read first so that every later complaint can be answered.
        let readableId = elements.count > 1 ? elements[1].stringValue : nil
        func failure(_ fault: RPCFrameFault, _ message: String, type: Int? = nil) -> RPCFrameError<Code> {
            RPCFrameError(uniqueId: readableId, messageTypeId: type, code: Code.answering(fault), message: message)
        }
        guard let first = elements.first else {
            throw failure(.malformed, "an OCPP-J message cannot be an empty array")
        }
        guard let typeId = first.intValue else {
            throw failure(.malformed, "the message type must be an integer, got \(first.typeDescription)")
        }
        guard let type = OCPPMessageType(rawValue: typeId) else {
            throw failure(.unknownMessageType, "unknown message type \(typeId)", type: typeId)
        }
        guard elements.count > 1 else { throw failure(.malformed, "the unique id is missing", type: typeId) }
        guard let uniqueId = readableId else {
            throw failure(
                .malformed, "the unique id must be a string, got \(elements[1].typeDescription)", type: typeId)
        }
        guard !uniqueId.isEmpty else { throw failure(.malformed, "the unique id is empty", type: typeId) }
        let idLength = uniqueId.unicodeScalars.count
        guard idLength <= maximumUniqueIdLength else {
            throw failure(
                .malformed,
                "the unique id is \(idLength) characters long, at most \(maximumUniqueIdLength) are allowed",
                type: typeId)
        }
        let expectedCount: Int
        switch type {
        case .call: expectedCount = 4
        case .callResult: expectedCount = 3
        case .callError: expectedCount = 5
        }
        guard elements.count == expectedCount else {
            throw failure(
                .malformed,
                "a message of type \(typeId) has \(expectedCount) elements, got \(elements.count)", type: typeId)
        }
        switch type {
        case .call:
            guard case .string(let action) = elements[2] else {
                throw failure(
                    .malformed, "the action must be a string, got \(elements[2].typeDescription)",
                    type: typeId)
            }
            guard case .object(let payload) = elements[3] else {
                throw failure(
                    .malformed, "the payload must be an object, got \(elements[3].typeDescription)",
                    type: typeId)
            }
            return .call(uniqueId: uniqueId, action: action, payload: payload)
        case .callResult:
            guard case .object(let payload) = elements[2] else {
                throw failure(
                    .malformed, "the payload must be an object, got \(elements[2].typeDescription)",
                    type: typeId)
            }
            return .callResult(uniqueId: uniqueId, payload: payload)
        case .callError:
            guard case .string(let code) = elements[2] else {
                throw failure(
                    .malformed, "the error code must be a string, got \(elements[2].typeDescription)",
                    type: typeId)
            }
            guard case .string(let description) = elements[3] else {
                throw failure(
                    .malformed,
                    "the error description must be a string, got \(elements[3].typeDescription)", type: typeId)
            }
            guard case .object(let details) = elements[4] else {
                throw failure(
                    .malformed, "the error details must be an object, got \(elements[4].typeDescription)",
                    type: typeId)
            }
            return .callError(
                uniqueId: uniqueId, code: Code(received: code), description: description, details: details)
        }
    }
}
