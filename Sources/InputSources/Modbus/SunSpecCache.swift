import Modbus
import Synchronization

/// The discovered layout of one source's device, kept between polls (discovery takes a few
/// requests) and forgotten after a failed read, so a device that was replaced or restarted with
/// another layout is discovered again.
final class SunSpecCache: Sendable {
    private let device = Mutex<SunSpecDevice?>(nil)

    var current: SunSpecDevice? { device.withLock { $0 } }

    func store(_ found: SunSpecDevice?) {
        device.withLock { $0 = found }
    }
}
