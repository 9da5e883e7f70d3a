import Foundation
import Logging

/// A flag's value once parsed according to its `FlagValueKind`.
enum FlagValue: Sendable, Hashable {
    case path(String)
    case integer(Int)
    case number(Double)
    case date(Date)
    case level(LogLevel)
    case logFormat(LogFormat)
}
