import Testing

@testable import ChargerSimulation

/// The demo's house: what its curves must do for the demo to show what it promises.
@Suite struct SimulatedHouseTests {
    let house = SimulatedHouse()

    @Test func theSunIsDownAtNightAndHighestAroundNoon() {
        #expect(house.solarWatts(atHour: 3) == 0)
        #expect(house.solarWatts(atHour: 21) == 0)
        #expect(house.solarWatts(atHour: 13.05) > house.solarWatts(atHour: 9.5))
        #expect(house.solarWatts(atHour: 13.05) <= house.solarPeakWatts)
    }

    @Test func aPassingCloudTakesMostOfTheSun() {
        // The demo's first cloud comes after its first simulated hour (a real minute and a half).
        let cloud = SimulatedHouse.clouds[0]
        #expect(cloud.from > 10.5)
        #expect(house.solarWatts(atHour: cloud.from + 0.1) < house.solarWatts(atHour: cloud.from - 0.1) / 2)
    }

    @Test func pricesAreDearInTheEveningAndCheapAtNight() {
        #expect(house.price(atHour: 18.5) > house.price(atHour: 13))
        #expect(house.price(atHour: 3) < house.price(atHour: 18.5))
        #expect((0..<24).allSatisfy { house.price(atHour: Double($0)) > 0 })
    }
}
