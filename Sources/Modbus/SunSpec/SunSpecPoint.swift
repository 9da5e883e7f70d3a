/// One point of a SunSpec model: where it sits (registers from the model's ID register), its type,
/// and where its scale factor sits (integer models), as the SunSpec model definitions give them
/// (sunspec/models, json/model_<id>.json).
public struct SunSpecPoint: Sendable, Equatable {
    public enum PointType: Sendable, Equatable {
        case int16, uint16, acc32, enum16, float32

        var registerCount: Int { self == .acc32 || self == .float32 ? 2 : 1 }
    }

    public let name: String
    public let offset: Int
    public let type: PointType
    /// Offset of its `sunssf` register (integer models); nil for float models and enumerations.
    public let scaleFactorOffset: Int?

    public init(_ name: String, _ offset: Int, _ type: PointType, scaleFactor: Int? = nil) {
        self.name = name
        self.offset = offset
        self.type = type
        self.scaleFactorOffset = scaleFactor
    }

    /// The last register offset this point (and its scale factor) needs.
    var lastOffset: Int { max(offset + type.registerCount - 1, scaleFactorOffset ?? 0) }

    /// The point's value in `block` (the model's registers from its ID register on), its scale
    /// factor applied: value × 10^sf. Throws when the device marks the point or its scale factor
    /// "not implemented" (0x8000 for int16 and sunssf, 0xFFFF for uint16 and enum16, NaN for
    /// float32).
    public func value(in block: [UInt16]) throws(SunSpecError) -> Double {
        guard lastOffset < block.count else { throw .notImplemented(point: name) }
        let raw: Double
        switch type {
        case .int16:
            guard block[offset] != 0x8000 else { throw .notImplemented(point: name) }
            raw = Double(Int16(bitPattern: block[offset]))
        case .uint16, .enum16:
            guard block[offset] != 0xFFFF else { throw .notImplemented(point: name) }
            raw = Double(block[offset])
        case .acc32:
            raw = Double(UInt32(block[offset]) << 16 | UInt32(block[offset + 1]))
        case .float32:
            guard let value = RegisterFormat.float32.value(of: [block[offset], block[offset + 1]]) else {
                throw .notImplemented(point: name)
            }
            raw = value
        }
        guard let scaleFactorOffset else { return raw }
        let scaleFactor = Int16(bitPattern: block[scaleFactorOffset])
        // SunSpec scale factors lie from -10 to 10; 0x8000 means not implemented.
        guard scaleFactor >= -10 && scaleFactor <= 10 else { throw .notImplemented(point: "\(name)'s scale factor") }
        return raw * SunSpecPoint.powersOfTen[Int(scaleFactor) + 10]
    }

    /// 10^-10 … 10^10, exact where a Double can be (10^-n is not, but is the nearest Double).
    private static let powersOfTen: [Double] = (-10...10).map { exponent in
        exponent >= 0
            ? (0..<exponent).reduce(1.0) { value, _ in value * 10 }
            : 1 / (0..<(-exponent)).reduce(1.0) { value, _ in value * 10 }
    }
}
