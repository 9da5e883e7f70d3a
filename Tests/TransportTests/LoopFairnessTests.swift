import Glibc
import TestSupport
import Testing

@testable import Transport

/// A burst of work on one loop (connections closing, timers due, tasks submitted from other
/// threads) is served in slices, with the sockets read between them: a healthy connection's
/// message is handled after a slice of the burst, not after all of it. Counted, not timed: the
/// loop is held while the burst and the healthy message line up, then released.
@Suite struct LoopFairnessTests {
    static let burst = 1_000

    /// A one-loop server whose handler records "received TEXT" for each read, and closes the
    /// connection (from the server side) when it reads "bye".
    static func server() throws -> TestServer {
        try TestServer(loopCount: 1) { _, probe in
            ScriptedHandler(
                probe: probe,
                onReceive: { connection, bytes in
                    let text = String(decoding: bytes, as: UTF8.self)
                    if text == "bye" { connection.close() } else { probe.record("received \(text)") }
                })
        }
    }

    /// How many events named `prefix...` the probe recorded before `event`.
    static func count(_ prefix: String, before event: String, in probe: ServerProbe) -> Int {
        probe.recorded.prefix { $0 != event }.filter { $0.hasPrefix(prefix) }.count
    }

    /// Opens `burst` connections and a healthy one, holds the loop while `leave` ends each of the
    /// burst and the healthy one sends a message, then lets the loop run; returns how many of the
    /// burst were reported closed before the message was read.
    static func closedBeforeAHealthyMessage(_ leave: (BlockingSocket) throws -> Void) throws -> Int {
        let server = try Self.server()
        defer { server.shutdown() }
        let leaving = try (0..<Self.burst).map { _ in try BlockingSocket(port: server.port) }
        let healthy = try BlockingSocket(port: server.port)
        #expect(server.probe.wait(for: "open", count: Self.burst + 1))
        let hold = LoopHold(server.group.loops[0])
        for socket in leaving { try leave(socket) }
        try healthy.send("still here")
        hold.release()
        #expect(server.probe.wait(for: "received still here"))
        #expect(server.probe.wait(for: "close nil", count: Self.burst))
        return Self.count("close", before: "received still here", in: server.probe)
    }

    @Test func aHealthyConnectionIsReadBeforeAThousandPeersThatHungUpAreTornDown() throws {
        // Before: every hang-up ahead of it in epoll's ready list was torn down first (512 of them
        // reported as closed, the rest closed but not yet reported).
        #expect(try Self.closedBeforeAHealthyMessage { $0.close() } < Self.burst / 10)
    }

    @Test func aHealthyConnectionIsReadBeforeAThousandConnectionsClosedByTheServerAreTornDown() throws {
        #expect(try Self.closedBeforeAHealthyMessage { try $0.send("bye") } < Self.burst / 10)
    }

    /// A one-loop server with a healthy connection open: `body` gets the server, its loop and the
    /// connection's socket, to send on from the loop while a burst runs.
    static func withAHealthyConnection(_ body: (TestServer, EventLoop, Int32) throws -> Void) throws {
        let server = try Self.server()
        defer { server.shutdown() }
        let healthy = try BlockingSocket(port: server.port)
        #expect(server.probe.wait(for: "open"))
        try body(server, server.group.loops[0], healthy.fd)
    }

    @Test func aHealthyConnectionIsReadBetweenSlicesOfTimersDueTogether() throws {
        try Self.withAHealthyConnection { server, loop, fd in
            let probe = server.probe
            loop.execute {
                for index in 0..<Self.burst {
                    loop.scheduleTimer(after: 0) {
                        // The message arrives while the burst runs.
                        if index == 0 { _ = Glibc.send(fd, "tick", 4, 0) }
                        probe.record("timer")
                    }
                }
            }
            #expect(probe.wait(for: "received tick"))
            #expect(Self.count("timer", before: "received tick", in: probe) <= EventLoop.timersPerIteration)
            #expect(probe.wait(for: "timer", count: Self.burst))
        }
    }

    @Test func aHealthyConnectionIsReadBetweenSlicesOfTasksSubmittedTogether() throws {
        try Self.withAHealthyConnection { server, loop, fd in
            let probe = server.probe
            let tasks = 5 * EventLoop.remoteTasksPerIteration
            let hold = LoopHold(loop)
            for index in 0..<tasks {
                loop.execute {
                    if index == 0 { _ = Glibc.send(fd, "tick", 4, 0) }
                    probe.record("task")
                }
            }
            hold.release()
            #expect(probe.wait(for: "received tick"))
            #expect(Self.count("task", before: "received tick", in: probe) <= EventLoop.remoteTasksPerIteration)
            #expect(probe.wait(for: "task", count: tasks))
        }
    }
}
