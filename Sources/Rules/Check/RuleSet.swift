import Chronology

/// The checked rules of one or more files, ready to evaluate. Rules are kept sorted by name, so
/// nothing depends on the order of rules or files.
public struct RuleSet: Sendable, Equatable {
    /// Every rule, sorted by name.
    public let rules: [Rule]
    /// How many files the rules came from (files without rules count too).
    public let fileCount: Int
    /// Names of the inputs the rules read (`grid.power`, `input.boost`, ...), in first-use order.
    public let inputNames: [String]
    let cheapestQuestions: [CheapestQuestion]
    /// The distinct deadlines of `cheapest ENERGY before HH:MM`.
    let energyDeadlines: [ClockTime]
    /// Identity of each `for`/`hold` clause ("rule name#clause index"), indexed by temporal slot.
    let temporalSlotIds: [String]

    /// No rules: every connector is left to its charger.
    public static let empty = RuleSet(rules: [], fileCount: 0, inputNames: [], cheapestQuestions: [])

    init(
        rules: [Rule], fileCount: Int, inputNames: [String], cheapestQuestions: [CheapestQuestion],
        energyDeadlines: [ClockTime] = []
    ) {
        var slotIds: [String] = []
        self.rules = rules.sorted { $0.name < $1.name }.map { rule in
            let body = rule.body.numberingTemporalSlots(from: slotIds.count)
            for (index, condition) in body.conditions.enumerated() where condition.temporalSlot != nil {
                slotIds.append("\(rule.name)#\(index)")
            }
            return Rule(
                name: rule.name, path: rule.path, location: rule.location, text: rule.text,
                inputNames: rule.inputNames, body: body)
        }
        self.fileCount = fileCount
        self.inputNames = inputNames
        self.cheapestQuestions = cheapestQuestions
        self.energyDeadlines = energyDeadlines
        self.temporalSlotIds = slotIds
    }

    /// How many rules were loaded.
    public var ruleCount: Int { rules.count }

    /// The line `ampwise check` prints on success, such as `3 files, 7 rules: no errors`.
    public var summary: String {
        let files = fileCount == 1 ? "file" : "files"
        let rules = ruleCount == 1 ? "rule" : "rules"
        return "\(fileCount) \(files), \(ruleCount) \(rules): no errors"
    }

    /// The rule with this name, if any.
    public func rule(named name: String) -> Rule? { rules.first { $0.name == name } }

    /// The inputs the named rules read, without repeats, in the order of the names given.
    public func inputNames(readBy names: [String]) -> [String] {
        var result: [String] = []
        for name in names {
            for input in rule(named: name)?.inputNames ?? [] where !result.contains(input) { result.append(input) }
        }
        return result
    }
}
