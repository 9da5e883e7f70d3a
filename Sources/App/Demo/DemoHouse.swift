import ChargerSimulation
import ChargingModel
import Foundation
import Scheduling

/// The demo's house on the demo's clock: the sun runs `speed` times faster than real time from
/// `startHour` (a simulated hour per real minute from 09:30), so that limits follow it within
/// minutes; prices follow the real clock.
struct DemoHouse: Sendable {
    let clockStart: Date
    var house = SimulatedHouse()
    var speed = 60.0
    var startHour = 9.5
    var calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar
    }()

    /// The simulated time of day at `date`, hours.
    func simulatedHour(at date: Date) -> Double {
        (startHour + date.timeIntervalSince(clockStart) * speed / 3600).truncatingRemainder(dividingBy: 24)
    }

    /// The grid meter and the solar array at `date`, with the chargers drawing `chargersWatts`: the
    /// grid imports (positive) what the house and the cars draw beyond the sun.
    func inputs(at date: Date, chargersWatts: Double) -> [InputName: Double?] {
        let hour = simulatedHour(at: date)
        let solar = house.solarWatts(atHour: hour)
        let grid = house.baseLoadWatts(atHour: hour) + chargersWatts - solar
        return [.solarPower: solar, .gridPower: grid.rounded()]
    }

    /// Quarter-hour prices for the coming `hours` on the real clock, in the local time of day.
    func priceSlots(from date: Date, hours: Int) -> [PriceSlot] {
        let start = calendar.dateInterval(of: .hour, for: date)?.start ?? date
        return (0..<(hours * 4)).map { index in
            let slotStart = start.addingTimeInterval(Double(index) * 900)
            let parts = calendar.dateComponents([.hour, .minute], from: slotStart)
            let hour = Double(parts.hour ?? 0) + Double(parts.minute ?? 0) / 60
            return PriceSlot(start: slotStart, end: slotStart.addingTimeInterval(900), price: house.price(atHour: hour))
        }
    }
}
