import Testing

@testable import App

/// The problems a configuration text is refused with, as `path: message`, in order; empty when it
/// loads. What every configuration test reads (errors name the file they were read as).
func problems(_ text: String) -> [String] {
    do {
        _ = try AmpwiseConfiguration(jsonText: text, file: "ampwise.json")
        return []
    } catch {
        guard case .invalid(let file, let problems) = error else { return error.lines }
        #expect(file == "ampwise.json")
        return problems.map(\.description)
    }
}
