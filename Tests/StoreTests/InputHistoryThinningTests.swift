import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

/// `input_history` keeps every row for `inputHistoryFullResolutionHours`; older rows become one
/// per input and minute, the minute's average (docs/database.md), so that a source read every
/// second does not grow the database by gigabytes a year.
@Suite struct InputHistoryThinningTests {
    /// 2026-11-25T08:00:00Z, a whole minute.
    static let start = Date(timeIntervalSince1970: 1_795_593_600)

    struct Row: Equatable, CustomStringConvertible {
        let name: String
        let value: Double
        let at: String
        var description: String { "\(name)=\(value)@\(at)" }
    }

    static func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    static func rows(_ path: String) throws -> [Row] {
        try SQLiteConnection(path: path).query("SELECT name, value, at FROM input_history ORDER BY at, name") { row in
            Row(name: row.string(0), value: row.double(1), at: row.string(2))
        }
    }

    static func store(_ path: String, fullResolutionHours: Int? = nil) throws -> Store {
        try Store(path: path, options: StoreOptions(inputHistoryFullResolutionHours: fullResolutionHours))
    }

    @Test func rowsBeforeTheCutoffBecomeOneAMinutePerInputWithTheMinutesAverage() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("thin.sqlite")
        let store = try Self.store(path)
        for (seconds, values) in [
            (0.0, ["grid.power": 100.0]), (5, ["solar.power": 50]), (10, ["grid.power": 200]),
            (50, ["grid.power": 600]),
            (70, ["grid.power": 400]), (130, ["grid.power": 900]), (140, ["grid.power": 1100]),
        ] {
            store.recordInputs(values, at: Self.at(seconds))
        }
        await store.flush()
        // The cutoff is taken down to its minute: the third minute stays as it is.
        let cutoff = Self.at(150)
        let first = try await store.perform { try $0.thinInputHistoryChunk(before: cutoff) }
        #expect(first.removed == 2)
        #expect(!first.isMoreLeft)
        let thinned = [
            Row(name: "grid.power", value: 300, at: "2026-11-25T08:00:00.000Z"),
            Row(name: "solar.power", value: 50, at: "2026-11-25T08:00:05.000Z"),
            Row(name: "grid.power", value: 400, at: "2026-11-25T08:01:10.000Z"),
            Row(name: "grid.power", value: 900, at: "2026-11-25T08:02:10.000Z"),
            Row(name: "grid.power", value: 1100, at: "2026-11-25T08:02:20.000Z"),
        ]
        let rows = try Self.rows(path)
        #expect(rows == thinned)
        // Thinning again changes nothing.
        let again = try await store.perform { try $0.thinInputHistoryChunk(before: cutoff) }
        #expect(again.removed == 0)
        let rowsAgain = try Self.rows(path)
        #expect(rowsAgain == thinned)
        await store.close()
    }

    @Test func aBacklogIsThinnedInChunksAndAGapCostsNoChunks() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("backlog.sqlite")
        let store = try Self.store(path)
        let week = 7 * 86_400.0
        // Two rows a minute: 30 minutes, a week without Ampwise, 5 minutes.
        for minute in Array(0..<30).map(Double.init) + Array(0..<5).map({ week / 60 + Double($0) }) {
            store.recordInputs(["grid.power": 1000], at: Self.at(minute * 60))
            store.recordInputs(["grid.power": 2000], at: Self.at(minute * 60 + 30))
        }
        await store.flush()
        var chunks = 0
        var removed = 0
        while true {
            let chunk = try await store.perform { try $0.thinInputHistoryChunk(before: Self.at(2 * week)) }
            chunks += 1
            removed += chunk.removed
            if !chunk.isMoreLeft { break }
        }
        #expect(removed == 35)
        // Ten minutes a chunk: three, one after the gap, and the call that finds nothing left.
        #expect(chunks == 5)
        let rows = try Self.rows(path)
        #expect(rows.count == 35)
        #expect(rows.allSatisfy { $0.value == 1500 && $0.at.hasSuffix(":00.000Z") })
        await store.close()
    }

    // A thinner that never runs leaves the wait for its report unanswered: the time limit ends it.
    @Test(.timeLimit(.minutes(1))) func theStoreThinsOnItsOwnOnceOpenedAndKeepsTheRecentHours() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("timer.sqlite")
        let recent = Date().addingTimeInterval(-3600)
        let writer = try Self.store(path)
        for second in stride(from: 0.0, to: 180, by: 10) {
            writer.recordInputs(["grid.power": second], at: Self.at(second))
            writer.recordInputs(["grid.power": second], at: recent.addingTimeInterval(second))
        }
        await writer.close()
        let (thinnings, continuation) = AsyncStream<Int>.makeStream()
        var options = StoreOptions(inputHistoryFullResolutionHours: 48)
        options.inputHistoryThinningDelay = .milliseconds(1)
        options.onInputHistoryThinned = { removed in continuation.yield(removed) }
        let store = try Store(path: path, options: options)
        var iterator = thinnings.makeAsyncIterator()
        // Three minutes of six rows each, a week old, become three rows; the last hour's 18 stay.
        #expect(await iterator.next() == 15)
        let rows = try Self.rows(path)
        #expect(rows.prefix(3).map(\.value) == [25, 85, 145])
        #expect(rows.count == 3 + 18)
        await store.close()
    }
}
