/// A problem in a plan inputs file; the message names the field (`connectors[0].status[1].at`).
public struct PlanInputsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The field's path in the file, empty for the file as a whole.
    public var field: String
    public var message: String

    public init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    /// `plan.json: connectors[0].status: expected a status name or a list of {"at", "status"}`.
    public var description: String {
        field.isEmpty ? "\(file): \(message)" : "\(file): \(field): \(message)"
    }
}
