import ChargingModel
import Foundation
import HTTP
import HTTPClient
import Logging
import Synchronization

/// Runs one `tariff.provider`: fetches at start-up and then on `TariffRefreshSchedule`, turns
/// spot prices into consumer prices (`formula`), hands them to the sink, keeps the status for
/// `GET /api/tariff/provider`, and logs each outage once when it starts and once when it ends.
/// A failing fetch keeps the prices fetched before. Runs in a task of its own, awaiting its I/O
/// (non-blocking, on the event loops), never on a loop or in the engine.
public final class TariffProviderRunner: Sendable {
    public let provider: any TariffProvider
    public let formula: PriceFormula
    public let schedule: TariffRefreshSchedule
    private let client: HTTPClient
    private let sink: any TariffPriceSink
    private let now: @Sendable () -> Date
    private let state: Mutex<TariffProviderStatus>
    private let task = Mutex<Task<Void, Never>?>(nil)
    private let logger: Logger

    /// The prices a fetched slot may have after the formula, per kWh (the tariff's own range).
    public static let priceRange: ClosedRange<Double> = -1_000_000...1_000_000

    public init(
        provider: any TariffProvider, formula: PriceFormula, schedule: TariffRefreshSchedule, client: HTTPClient,
        sink: any TariffPriceSink, now: @escaping @Sendable () -> Date = { Date() }, logLabel: String = "tariff"
    ) {
        self.provider = provider
        self.formula = formula
        self.schedule = schedule
        self.client = client
        self.sink = sink
        self.now = now
        state = Mutex(TariffProviderStatus(type: provider.type))
        logger = Logger(label: logLabel)
    }

    public func status() -> TariffProviderStatus { state.withLock { $0 } }

    /// Starts fetching. Call once.
    public func start() {
        logger.info("fetching prices from \(provider.type)")
        let started = Task { [self] in await run() }
        task.withLock { $0 = started }
    }

    /// Cancels the fetching and waits until it has ended.
    public func stop() async {
        let running = task.withLock { task in
            let taken = task
            task = nil
            return taken
        }
        running?.cancel()
        await running?.value
    }

    private func run() async {
        while !Task.isCancelled {
            let result = await fetchOnce()
            guard !Task.isCancelled else { return }
            let delay = record(result)
            do {
                try await Task.sleep(for: .milliseconds(Int64((delay * 1000).rounded())))
            } catch {
                return
            }
        }
    }

    /// One fetch: every request of the provider, the answers' slots normalised, the formula
    /// applied, delivered to the sink. Returns the slots delivered.
    public func fetchOnce() async -> Result<[PriceSlot], TariffFetchError> {
        do {
            return .success(try await fetchSlots())
        } catch {
            return .failure(error)
        }
    }

    private func fetchSlots() async throws(TariffFetchError) -> [PriceSlot] {
        var spot: [PriceSlot] = []
        for request in try provider.requests(around: now()) {
            let response: HTTPResponse
            do {
                response = try await client.send(request)
            } catch {
                throw TariffFetchError("\(request.method) \(request.url): \(error.description)")
            }
            spot += try provider.slots(from: response)
        }
        let prices = spot.map { PriceSlot(start: $0.start, end: $0.end, price: formula.consumerPrice(spot: $0.price)) }
        let slots = try PriceSlotNormalization.normalized(prices, priceRange: Self.priceRange)
        guard !slots.isEmpty else { throw TariffFetchError("the answer holds no prices") }
        try await sink.replacePrices(slots)
        return slots
    }

    /// Updates the status, logs a change of state, and returns the seconds until the next fetch.
    @discardableResult
    func record(_ result: Result<[PriceSlot], TariffFetchError>) -> TimeInterval {
        let time = now()
        let (delay, transition) = state.withLock { status -> (TimeInterval, Transition?) in
            var transition: Transition?
            status.lastFetch = time
            switch result {
            case .success(let slots):
                if status.state == .failing { transition = .recovered(failures: status.consecutiveFailures) }
                status.state = .ok
                status.lastSuccess = time
                status.consecutiveFailures = 0
                if let end = slots.map(\.end).max() { status.knownUntil = max(status.knownUntil ?? end, end) }
            case .failure(let error):
                if status.state != .failing { transition = .failed(error) }
                status.state = .failing
                status.lastError = error.message
                status.consecutiveFailures += 1
            }
            let delay = schedule.delay(
                now: time, consecutiveFailures: status.consecutiveFailures, knownUntil: status.knownUntil)
            status.nextFetch = time.addingTimeInterval(delay)
            return (delay, transition)
        }
        switch transition {
        case .failed(let error):
            logger.warning(
                "\(provider.type): cannot fetch prices: \(error.message); keeping the prices known, retrying in \(Int(delay)) s"
            )
        case .recovered(let failures):
            logger.info(
                "\(provider.type): prices fetched again after \(failures) failed fetch\(failures == 1 ? "" : "es")")
        case nil:
            break
        }
        return delay
    }

    private enum Transition {
        case failed(TariffFetchError)
        case recovered(failures: Int)
    }
}
