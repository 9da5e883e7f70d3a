import Synchronization

/// The text a reload reads, changed by the test.
final class FakeRuleFolder: Sendable {
    private let state: Mutex<String>

    init(_ text: String) {
        state = Mutex(text)
    }

    var text: String {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
