import InputSources
import Scheduling

/// Delivers what sources read to the scheduling engine's inputs, as `PUT /api/inputs` does
/// (`SchedulerControl.updateInputsFromSource`: same names, base units, checks and `inputMaxAge`),
/// without waiting for the store's commit, since nobody is answered.
struct SchedulerInputSink: InputSink {
    let scheduler: any SchedulerControl

    func setInputs(_ values: [String: Double]) async throws(SourceError) {
        var update: [InputName: Double?] = [:]
        for (name, value) in values {
            // The configuration checked the names; a value out of the inputs' range is the device's.
            guard let inputName = InputName(name) else { throw SourceError("\(name) is not an input name") }
            guard InputUpdate.valueRange.number(value) != nil else {
                throw SourceError("\(name): \(value) is out of range (\(InputUpdate.valueRange))")
            }
            update[inputName] = value
        }
        do {
            try await scheduler.updateInputsFromSource(InputUpdate(values: update))
        } catch {
            throw SourceError(error.message)
        }
    }
}
