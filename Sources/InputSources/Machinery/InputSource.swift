/// One entry of `sources` (docs/sources.md): something that reads values for inputs, whatever the
/// protocol. The machinery (`InputSourceSet`) runs each source in a task of its own and takes
/// what it reports; a source kind only has to read.
///
/// Polled kinds (HTTP, Modbus) implement `PolledSource`, which provides `run` (the schedule, one
/// poll in flight). A kind that is told rather than asking (an MQTT subscription) implements
/// `run` itself: it reports each value as it arrives and each failure (a lost broker) once.
public protocol InputSource: Sendable {
    /// The source's key in `sources`: `inverter`.
    var name: String { get }
    /// The `type` it was configured with: `http`, `modbus`, `mqtt`.
    var type: String { get }
    /// The inputs it feeds, by name (`grid.power`).
    var inputNames: [String] { get }

    /// Reads until the task is cancelled, reporting every reading (input name to value, in base
    /// units, `scale` applied) and every failure to `reporter`. Must return soon after
    /// cancellation and must never block a thread (await I/O instead).
    func run(reporter: SourceReporter) async
}
