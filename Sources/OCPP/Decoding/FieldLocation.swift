/// Where a value sits in a payload, turned into a path (`meterValue[0].sampledValue[1].unit`)
/// only when an error or a warning needs it: most fields are valid, and building every path
/// up front would cost an allocation per field.
struct FieldLocation {
    /// The path of the containing object (for a field) or array (for an item).
    let parent: String
    /// The field's name; `nil` for an array item.
    let key: String?
    /// The item's index in its array.
    let index: Int

    var path: String {
        if let key { return parent.isEmpty ? key : "\(parent).\(key)" }
        return "\(parent)[\(index)]"
    }
}
