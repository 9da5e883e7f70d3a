import Foundation

/// SunSpec discovery (SunSpec Modbus specification: the "SunS" marker 0x53756e53 at a base
/// register, 40000, 0 or 50000, then models one after another, each an ID and a length, until
/// the end marker ID 0xFFFF).
public enum SunSpecDiscovery {
    /// Where the marker is looked for, in order.
    public static let baseAddresses: [UInt16] = [40000, 0, 50000]
    static let marker: [UInt16] = [0x5375, 0x6E53]
    static let endMarker: UInt16 = 0xFFFF
    static let maximumModels = 100

    /// Reads holding registers: `(address, count)`, as `ModbusClient.read(.holding, ...)`.
    public typealias ReadRegisters = @Sendable (UInt16, Int) async throws(ModbusError) -> [UInt16]

    /// Finds the marker and lists the models. A base whose registers the device refuses (an
    /// exception response) or which holds no marker is skipped; a failure to talk to the device at
    /// all is thrown at once.
    public static func discover(reading read: ReadRegisters) async throws(SunSpecError) -> SunSpecDevice {
        for base in baseAddresses {
            let registers: [UInt16]
            do {
                registers = try await read(base, 2)
            } catch {
                if case .exception = error { continue }
                throw .modbus(error)
            }
            guard registers == marker else { continue }
            return try await listModels(from: base, reading: read)
        }
        throw .notSunSpec(tried: baseAddresses)
    }

    private static func listModels(from base: UInt16, reading read: ReadRegisters) async throws(SunSpecError)
        -> SunSpecDevice
    {
        var models: [SunSpecModelLocation] = []
        var manufacturer: String?
        var model: String?
        var address = Int(base) + 2
        for _ in 0..<maximumModels {
            guard address + 1 <= Int(UInt16.max) else { throw .malformedModelList(address: UInt16(clamping: address)) }
            let header: [UInt16]
            do {
                header = try await read(UInt16(address), 2)
            } catch {
                // Some devices answer the register after the last model with an exception.
                if case .exception = error, !models.isEmpty { break }
                throw .modbus(error)
            }
            if header[0] == endMarker { break }
            let location = SunSpecModelLocation(id: header[0], address: UInt16(address), length: header[1])
            models.append(location)
            if location.id == 1 && location.length >= 32 {
                do {
                    let common = try await read(UInt16(address), 34)
                    manufacturer = text(common[2..<18])
                    model = text(common[18..<34])
                } catch {
                    throw .modbus(error)
                }
            }
            address += 2 + Int(location.length)
        }
        return SunSpecDevice(baseAddress: base, models: models, manufacturer: manufacturer, model: model)
    }

    /// A SunSpec string: two characters per register, high byte first, padded with NULs.
    static func text(_ registers: ArraySlice<UInt16>) -> String? {
        var bytes: [UInt8] = []
        for register in registers {
            bytes.append(UInt8(register >> 8))
            bytes.append(UInt8(register & 0xFF))
        }
        let trimmed = bytes.prefix { $0 != 0 }
        let text = String(decoding: trimmed, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}
