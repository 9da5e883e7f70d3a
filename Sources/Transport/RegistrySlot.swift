/// What a loop knows about one fd number: who handles its events, and a generation that
/// changes whenever the number is registered or released (to recognise stale events).
struct RegistrySlot {
    var generation: UInt32 = 0
    var registrant: EpollRegistrant?
}
