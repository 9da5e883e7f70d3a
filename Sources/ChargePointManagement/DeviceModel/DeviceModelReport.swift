import OCPP201

/// The parts of one NotifyReport (OCPP 2.0.1 B07/B08: the answer to one GetBaseReport comes in
/// parts numbered by `seqNo` from 0, every part but the last with `tbc` true), assembled into the
/// device model's entries once all of them have arrived, in whatever order.
struct DeviceModelReport: Sendable {
    let requestId: Int
    private var parts: [Int: [ReportData]] = [:]
    private var lastSeqNo: Int?

    init(requestId: Int) {
        self.requestId = requestId
    }

    /// Adds a part (a part sent again replaces itself); true once every part up to the last is in.
    mutating func add(_ report: NotifyReportRequest) -> Bool {
        parts[report.seqNo] = report.reportData ?? []
        if report.tbc != true { lastSeqNo = report.seqNo }
        return isComplete
    }

    var isComplete: Bool {
        guard let lastSeqNo, lastSeqNo >= 0 else { return false }
        return (0...lastSeqNo).allSatisfy { parts[$0] != nil }
    }

    /// Every variable's `Actual` value, in the order of the parts; a variable reported twice
    /// keeps its last value.
    var entries: [DeviceModelEntry] {
        var result: [DeviceModelEntry] = []
        var index: [String: Int] = [:]
        for seqNo in parts.keys.sorted() {
            for data in parts[seqNo] ?? [] {
                let actual = data.variableAttribute.first { $0.type == nil || $0.type == .actual }
                let entry = DeviceModelEntry(
                    name: Self.name(of: data.component, data.variable), value: actual?.value,
                    isReadonly: actual?.mutability == .readOnly)
                if let existing = index[entry.name] {
                    result[existing] = entry
                } else {
                    index[entry.name] = result.count
                    result.append(entry)
                }
            }
        }
        return result
    }

    static func name(of component: Component, _ variable: Variable) -> String {
        DeviceModelKey(component: component, variable: variable).text
    }
}
