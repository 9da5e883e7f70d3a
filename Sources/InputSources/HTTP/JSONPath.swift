import Foundation
import JSON

/// Where a value sits in a JSON document: keys separated by dots, `[N]` for the N-th element of
/// an array (0-based): `Body.Data.Site.P_Grid`, `emeters[0].power`, `[2]`. Keys cannot hold a dot
/// or a bracket.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    public enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public let components: [Component]
    public let description: String

    /// Parses `text`; nil when it is not a path (empty, `a..b`, `a[x]`, `a[`).
    public init?(_ text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        var expectsKey = true
        while !rest.isEmpty {
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let digits = rest[rest.index(after: rest.startIndex)..<close]
                guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ ("0"..."9").contains($0) }),
                    let index = Int(digits)
                else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
                expectsKey = false
                if rest.hasPrefix(".") {
                    rest = rest.dropFirst()
                    expectsKey = true
                    guard !rest.isEmpty else { return nil }
                }
                continue
            }
            guard expectsKey else { return nil }
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            let key = rest[..<end]
            guard !key.isEmpty, !key.contains("]") else { return nil }
            components.append(.key(String(key)))
            rest = rest[end...]
            expectsKey = false
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                expectsKey = true
                guard !rest.isEmpty else { return nil }
            }
        }
        guard !components.isEmpty else { return nil }
        self.components = components
        description = text
    }

    /// The number at this path in `document`: a JSON number, or a string that holds one (Home
    /// Assistant's `"state": "1234.5"`). Throws what is missing or not a number.
    public func number(in document: JSONValue) throws(SourceError) -> Double {
        try JSONPath.number(from: try value(in: document), at: description)
    }

    /// The value at this path in `document`; throws what is missing on the way.
    public func value(in document: JSONValue) throws(SourceError) -> JSONValue {
        var value = document
        var walked = ""
        for component in components {
            switch component {
            case .key(let key):
                walked += walked.isEmpty ? key : ".\(key)"
                guard let object = value.objectValue else {
                    throw SourceError("\(walked): expected an object on the way, found \(value.typeDescription)")
                }
                guard let next = object[key] else { throw SourceError("\(walked): no such key") }
                value = next
            case .index(let index):
                walked += "[\(index)]"
                guard let array = value.arrayValue else {
                    throw SourceError("\(walked): expected an array on the way, found \(value.typeDescription)")
                }
                guard index < array.count else {
                    throw SourceError("\(walked): the array has \(array.count) element\(array.count == 1 ? "" : "s")")
                }
                value = array[index]
            }
        }
        return value
    }

    /// A JSON number, or a string holding one (blanks around it allowed); `path` names it in the error.
    public static func number(from value: JSONValue, at path: String) throws(SourceError) -> Double {
        switch value {
        case .number(let number):
            return number
        case .string(let text):
            guard let number = NumberRange.decimal(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw SourceError("\(path): \"\(text.prefix(40))\" is not a number")
            }
            return number
        default:
            throw SourceError("\(path): expected a number, found \(value.typeDescription)")
        }
    }
}
