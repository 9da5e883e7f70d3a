/// An expression after checking: units folded into base units (A, W, V, Wh, %, s), variables
/// resolved, ready to evaluate without lookups by name.
indirect enum CompiledExpression: Equatable, Sendable {
    case constant(Double)
    case boolean(Bool)
    case value(ValueSource)
    case negate(CompiledExpression)
    case not(CompiledExpression)
    case arithmetic(BinaryOperator, CompiledExpression, CompiledExpression)
    case comparison(BinaryOperator, CompiledExpression, CompiledExpression)
    case and(CompiledExpression, CompiledExpression)
    case or(CompiledExpression, CompiledExpression)
    case minimum([CompiledExpression])
    case maximum([CompiledExpression])
    /// Seconds since local midnight, [from, to), wrapping midnight when from > to.
    case timeIn(from: Double, to: Double)
    /// Bit 0 = Monday.
    case weekdayIn(mask: UInt8)
    case statusIn(mask: UInt16)
    /// Index into the rule set's cheapest-slot questions.
    case cheapest(Int)
    /// `cheapest ENERGY before HH:MM`: the energy in Wh and the index into the rule set's
    /// energy deadlines.
    case cheapestEnergy(CompiledExpression, window: Int)
}
