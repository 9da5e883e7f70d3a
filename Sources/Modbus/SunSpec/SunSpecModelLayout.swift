/// The points of the SunSpec models Ampwise reads, with their offsets from the model's ID
/// register, from the SunSpec model definitions (sunspec/models, json/model_201.json to
/// model_204.json, model_101.json to model_103.json, model_111.json to model_113.json; checked
/// point by point against model_203, model_103 and model_113). The models of one family share one
/// layout: 201 (single phase), 202 (split phase), 203 (wye), 204 (delta) meters; 101, 102, 103
/// (single, split, three phase) inverters with scale factors; 111, 112, 113 the same in float32.
public struct SunSpecModelLayout: Sendable {
    public let modelIds: ClosedRange<UInt16>
    public let points: [String: SunSpecPoint]

    init(modelIds: ClosedRange<UInt16>, points: [SunSpecPoint]) {
        self.modelIds = modelIds
        self.points = Dictionary(uniqueKeysWithValues: points.map { ($0.name, $0) })
    }

    /// The registers to read for `points`: from the ID register to the last one they need.
    public func registerCount(for points: [SunSpecPoint]) -> Int {
        (points.map(\.lastOffset).max() ?? 1) + 1
    }

    /// Meters 201-204: integers with scale factors.
    public static let meter = SunSpecModelLayout(
        modelIds: 201...204,
        points: [
            SunSpecPoint("A", 2, .int16, scaleFactor: 6), SunSpecPoint("AphA", 3, .int16, scaleFactor: 6),
            SunSpecPoint("AphB", 4, .int16, scaleFactor: 6), SunSpecPoint("AphC", 5, .int16, scaleFactor: 6),
            SunSpecPoint("PhV", 7, .int16, scaleFactor: 15), SunSpecPoint("PhVphA", 8, .int16, scaleFactor: 15),
            SunSpecPoint("PhVphB", 9, .int16, scaleFactor: 15), SunSpecPoint("PhVphC", 10, .int16, scaleFactor: 15),
            SunSpecPoint("PPV", 11, .int16, scaleFactor: 15), SunSpecPoint("PhVphAB", 12, .int16, scaleFactor: 15),
            SunSpecPoint("PhVphBC", 13, .int16, scaleFactor: 15), SunSpecPoint("PhVphCA", 14, .int16, scaleFactor: 15),
            SunSpecPoint("Hz", 16, .int16, scaleFactor: 17),
            SunSpecPoint("W", 18, .int16, scaleFactor: 22), SunSpecPoint("WphA", 19, .int16, scaleFactor: 22),
            SunSpecPoint("WphB", 20, .int16, scaleFactor: 22), SunSpecPoint("WphC", 21, .int16, scaleFactor: 22),
            SunSpecPoint("VA", 23, .int16, scaleFactor: 27), SunSpecPoint("VAphA", 24, .int16, scaleFactor: 27),
            SunSpecPoint("VAphB", 25, .int16, scaleFactor: 27), SunSpecPoint("VAphC", 26, .int16, scaleFactor: 27),
            SunSpecPoint("VAR", 28, .int16, scaleFactor: 32), SunSpecPoint("VARphA", 29, .int16, scaleFactor: 32),
            SunSpecPoint("VARphB", 30, .int16, scaleFactor: 32), SunSpecPoint("VARphC", 31, .int16, scaleFactor: 32),
            SunSpecPoint("PF", 33, .int16, scaleFactor: 37), SunSpecPoint("PFphA", 34, .int16, scaleFactor: 37),
            SunSpecPoint("PFphB", 35, .int16, scaleFactor: 37), SunSpecPoint("PFphC", 36, .int16, scaleFactor: 37),
            SunSpecPoint("TotWhExp", 38, .acc32, scaleFactor: 54),
            SunSpecPoint("TotWhExpPhA", 40, .acc32, scaleFactor: 54),
            SunSpecPoint("TotWhExpPhB", 42, .acc32, scaleFactor: 54),
            SunSpecPoint("TotWhExpPhC", 44, .acc32, scaleFactor: 54),
            SunSpecPoint("TotWhImp", 46, .acc32, scaleFactor: 54),
            SunSpecPoint("TotWhImpPhA", 48, .acc32, scaleFactor: 54),
            SunSpecPoint("TotWhImpPhB", 50, .acc32, scaleFactor: 54),
            SunSpecPoint("TotWhImpPhC", 52, .acc32, scaleFactor: 54),
        ])

    /// Inverters 101-103: integers with scale factors.
    public static let inverter = SunSpecModelLayout(
        modelIds: 101...103,
        points: [
            SunSpecPoint("A", 2, .uint16, scaleFactor: 6), SunSpecPoint("AphA", 3, .uint16, scaleFactor: 6),
            SunSpecPoint("AphB", 4, .uint16, scaleFactor: 6), SunSpecPoint("AphC", 5, .uint16, scaleFactor: 6),
            SunSpecPoint("PPVphAB", 7, .uint16, scaleFactor: 13), SunSpecPoint("PPVphBC", 8, .uint16, scaleFactor: 13),
            SunSpecPoint("PPVphCA", 9, .uint16, scaleFactor: 13), SunSpecPoint("PhVphA", 10, .uint16, scaleFactor: 13),
            SunSpecPoint("PhVphB", 11, .uint16, scaleFactor: 13), SunSpecPoint("PhVphC", 12, .uint16, scaleFactor: 13),
            SunSpecPoint("W", 14, .int16, scaleFactor: 15), SunSpecPoint("Hz", 16, .uint16, scaleFactor: 17),
            SunSpecPoint("VA", 18, .int16, scaleFactor: 19), SunSpecPoint("VAr", 20, .int16, scaleFactor: 21),
            SunSpecPoint("PF", 22, .int16, scaleFactor: 23), SunSpecPoint("WH", 24, .acc32, scaleFactor: 26),
            SunSpecPoint("DCA", 27, .uint16, scaleFactor: 28), SunSpecPoint("DCV", 29, .uint16, scaleFactor: 30),
            SunSpecPoint("DCW", 31, .int16, scaleFactor: 32), SunSpecPoint("TmpCab", 33, .int16, scaleFactor: 37),
            SunSpecPoint("TmpSnk", 34, .int16, scaleFactor: 37), SunSpecPoint("TmpTrns", 35, .int16, scaleFactor: 37),
            SunSpecPoint("TmpOt", 36, .int16, scaleFactor: 37), SunSpecPoint("St", 38, .enum16),
        ])

    /// Inverters 111-113: the same points as float32, no scale factors.
    public static let floatInverter = SunSpecModelLayout(
        modelIds: 111...113,
        points: [
            SunSpecPoint("A", 2, .float32), SunSpecPoint("AphA", 4, .float32), SunSpecPoint("AphB", 6, .float32),
            SunSpecPoint("AphC", 8, .float32), SunSpecPoint("PPVphAB", 10, .float32),
            SunSpecPoint("PPVphBC", 12, .float32), SunSpecPoint("PPVphCA", 14, .float32),
            SunSpecPoint("PhVphA", 16, .float32), SunSpecPoint("PhVphB", 18, .float32),
            SunSpecPoint("PhVphC", 20, .float32), SunSpecPoint("W", 22, .float32), SunSpecPoint("Hz", 24, .float32),
            SunSpecPoint("VA", 26, .float32), SunSpecPoint("VAr", 28, .float32), SunSpecPoint("PF", 30, .float32),
            SunSpecPoint("WH", 32, .float32), SunSpecPoint("DCA", 34, .float32), SunSpecPoint("DCV", 36, .float32),
            SunSpecPoint("DCW", 38, .float32), SunSpecPoint("TmpCab", 40, .float32),
            SunSpecPoint("TmpSnk", 42, .float32), SunSpecPoint("TmpTrns", 44, .float32),
            SunSpecPoint("TmpOt", 46, .float32), SunSpecPoint("St", 48, .enum16),
        ])
}
