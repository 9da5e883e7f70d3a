/// Input values as people read them in `ampwise why`, the plan's table and its chart.
public enum InputDisplay {
    /// `-2300 W` for a power input, the number as it is (`1`, `0.5`) for `input.NAME`; at most
    /// one decimal.
    public static func text(_ value: Double, name: String) -> String {
        let rounded = (value * 10).rounded() / 10
        let number = rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
        return isPower(name) ? number + " W" : number
    }

    /// `grid.power`, `solar.power` and `solar.surplus` are powers in W; `input.NAME` is a number.
    public static func isPower(_ name: String) -> Bool { !name.hasPrefix("input.") }
}
