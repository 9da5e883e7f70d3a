import Glibc
import TestSupport
import Testing
import Transport

@testable import Transport

@Suite struct TCPServerTests {
    /// Bytes 0, 1, ..., 250, 0, 1, ...: a pattern in which a lost or reordered chunk shows.
    static func pattern(_ count: Int) -> [UInt8] {
        let block = (0..<251).map { UInt8($0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + block.count)
        while bytes.count < count { bytes.append(contentsOf: block) }
        return Array(bytes.prefix(count))
    }

    @Test func echoesBytesExactly() throws {
        let server = try TestServer()
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        let everyByte = (0...255).map { UInt8($0) }
        try client.send(everyByte)
        #expect(try client.receive(exactly: 256) == everyByte)
        try client.send("hello")
        #expect(try client.receive(exactly: 5) == Array("hello".utf8))
    }

    @Test func servesTwoHundredConcurrentClients() throws {
        let server = try TestServer()
        defer { server.shutdown() }
        let clients = try (0..<200).map { _ in try BlockingSocket(port: server.port) }
        for (number, client) in clients.enumerated() {
            try client.send("client \(number);")
        }
        for (number, client) in clients.enumerated() {
            let expected = Array("client \(number);".utf8)
            #expect(try client.receive(exactly: expected.count) == expected)
        }
        #expect(server.probe.wait(for: "open", count: 200))
    }

    @Test func spreadsConnectionsOverTheLoops() throws {
        let server = try TestServer(loopCount: 2) { connection, probe in
            ScriptedHandler(probe: probe, onOpen: { probe.record("loop \($0.loop.index)") })
        }
        defer { server.shutdown() }
        let clients = try (0..<4).map { _ in try BlockingSocket(port: server.port) }
        #expect(server.probe.wait { $0.filter { $0.hasPrefix("loop") }.count == 4 })
        #expect(server.probe.recorded.filter { $0 == "loop 0" }.count == 2)
        #expect(server.probe.recorded.filter { $0 == "loop 1" }.count == 2)
        _ = clients
    }

    @Test func reportsThePeerAddress() throws {
        let server = try TestServer { _, probe in
            ScriptedHandler(probe: probe, onOpen: { probe.record("peer \($0.remoteAddress)") })
        }
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        #expect(server.probe.wait { $0.contains { $0.hasPrefix("peer") } })
        #expect(server.probe.recorded.contains("peer \(client.localAddress)"))
    }

    @Test func servesIPv6() throws {
        let probe = ServerProbe()
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let server = try TCPServer(host: "::1", port: 0, group: group) { connection in
            probe.record("peer \(connection.remoteAddress)")
            return ScriptedHandler(probe: probe)
        }
        defer { server.stop() }
        let client = try BlockingSocket(host: "::1", port: server.localPort)
        try client.send("v6")
        #expect(try client.receive(exactly: 2) == Array("v6".utf8))
        #expect(probe.recorded.first == "peer [::1]:\(client.localPort)")
    }

    @Test func aWriteLargerThanTheSocketBuffersArrivesCompleteAndInOrder() throws {
        var options = ServerOptions()
        options.writeQueueLimit = 32 * 1024 * 1024
        let payload = TCPServerTests.pattern(8 * 1024 * 1024)
        let server = try TestServer(options: options) { _, probe in
            ScriptedHandler(probe: probe) { connection in
                connection.write(payload)
                probe.record(connection.queuedByteCount > 0 ? "queued" : "all sent at once")
            }
        }
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        // Not reading yet keeps the receive window small, so the kernel cannot take it all.
        #expect(server.probe.wait { $0.count == 2 })
        #expect(server.probe.recorded == ["open", "queued"])
        let received = try client.receive(exactly: payload.count)
        #expect(received == payload)
    }

    @Test func backPressurePausesReadingUntilTheQueueDrains() throws {
        var options = ServerOptions()
        options.writeHighWatermark = 64 * 1024
        options.writeLowWatermark = 16 * 1024
        options.writeQueueLimit = 32 * 1024 * 1024
        // More than the kernel can hold for a peer that is not reading yet (4 MiB send buffer).
        let payload = TCPServerTests.pattern(8 * 1024 * 1024)
        let server = try TestServer(options: options) { _, probe in
            ScriptedHandler(
                probe: probe,
                onOpen: { connection in
                    connection.write(payload)
                    probe.record(connection.isReadingPaused ? "paused" : "reading")
                },
                onReceive: { connection, bytes in
                    probe.record("received \(String(decoding: bytes, as: UTF8.self))")
                })
        }
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        #expect(server.probe.wait(for: "paused"))
        try client.send("while paused")
        #expect(try client.receive(exactly: payload.count) == payload)
        #expect(server.probe.wait(for: "received while paused"))
        let state = server.onFirstConnection { ($0.isReadingPaused, $0.queuedByteCount) }
        #expect(state?.0 == false)
        #expect(state?.1 == 0)
    }

    @Test func aReaderThatNeverReadsIsClosedAtTheWriteQueueLimit() throws {
        var options = ServerOptions()
        options.writeQueueLimit = 1024 * 1024
        let server = try TestServer(options: options) { _, probe in
            ScriptedHandler(probe: probe) { connection in
                let chunk = [UInt8](repeating: 7, count: 64 * 1024)
                for _ in 0..<256 where connection.isOpen { connection.write(chunk) }
                probe.record(connection.isOpen ? "still open" : "closed by write")
            }
        }
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        #expect(server.probe.wait { $0.contains { $0.hasPrefix("close ") } })
        #expect(server.probe.recorded.contains("closed by write"))
        let close = server.probe.recorded.first { $0.hasPrefix("close ") } ?? ""
        #expect(close.hasPrefix("close peer too slow: "))
        #expect(close.hasSuffix(" bytes queued for writing, closing"))
        _ = client
    }

    @Test func closeFlushesWhatIsQueuedThenCloses() throws {
        let payload = TCPServerTests.pattern(6 * 1024 * 1024)
        let server = try TestServer { _, probe in
            ScriptedHandler(probe: probe) { connection in
                connection.write(payload)
                connection.close()
                connection.close()
                connection.write([1, 2, 3])
            }
        }
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        #expect(try client.receiveUntilClosed() == payload)
        #expect(server.probe.wait(for: "close nil"))
        #expect(server.probe.recorded == ["open", "close nil"])
    }

    @Test func abortClosesAtOnceAndOnlyOnce() throws {
        let server = try TestServer { _, probe in
            ScriptedHandler(
                probe: probe,
                onReceive: { connection, _ in
                    connection.abort()
                    connection.abort()
                    connection.close()
                    probe.record(connection.isOpen ? "open after abort" : "aborted")
                })
        }
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        try client.send("x")
        #expect(try client.receiveUntilClosed() == [])
        #expect(server.probe.wait(for: "close nil"))
        #expect(server.probe.recorded == ["open", "aborted", "close nil"])
    }

    @Test func thePeerClosingIsReported() throws {
        let server = try TestServer()
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        #expect(server.probe.wait(for: "open"))
        client.close()
        #expect(server.probe.wait(for: "close nil"))
    }

    @Test func stopClosesTheListenerAndEveryConnection() throws {
        let server = try TestServer()
        defer { server.group.shutdown() }
        let clients = try (0..<3).map { _ in try BlockingSocket(port: server.port) }
        #expect(server.probe.wait(for: "open", count: 3))
        server.server.stop()
        #expect(server.probe.recorded.filter { $0 == "close nil" }.count == 3)
        for client in clients {
            #expect(try client.receiveUntilClosed() == [])
        }
        #expect(throws: BlockingSocket.Failure.self) { try BlockingSocket(port: server.port) }
        server.server.stop()
    }

    @Test func shuttingTheGroupDownClosesOpenConnections() throws {
        let server = try TestServer()
        let client = try BlockingSocket(port: server.port)
        #expect(server.probe.wait(for: "open"))
        server.group.shutdown()
        #expect(server.probe.recorded == ["open", "close event loop shut down"])
        #expect(try client.receiveUntilClosed() == [])
    }

    @Test func bytesWrittenBeforeOpenGoOutFirst() throws {
        let server = try TestServer { connection, probe in
            connection.write(Array("early ".utf8))
            return ScriptedHandler(probe: probe) { $0.write(Array("open".utf8)) }
        }
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        #expect(try client.receive(exactly: 10) == Array("early open".utf8))
    }

    @Test func aHandlerCanHandTheConnectionToAnother() throws {
        let server = try TestServer { _, probe in
            ScriptedHandler(
                probe: probe,
                onReceive: { connection, _ in
                    connection.handler = ScriptedHandler(
                        probe: probe,
                        onReceive: { connection, bytes in connection.write(Array("second:".utf8) + bytes) })
                    connection.write(Array("switched".utf8))
                })
        }
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        try client.send("upgrade")
        #expect(try client.receive(exactly: 8) == Array("switched".utf8))
        try client.send("x")
        #expect(try client.receive(exactly: 8) == Array("second:x".utf8))
        client.close()
        #expect(server.probe.wait(for: "close nil"))
        #expect(server.probe.recorded == ["open", "close nil"])
    }

    @Test func stopAfterTheGroupShutDownReturns() throws {
        let server = try TestServer()
        let client = try BlockingSocket(port: server.port)
        #expect(server.probe.wait(for: "open"))
        server.group.shutdown()
        server.server.stop()
        #expect(server.probe.recorded == ["open", "close event loop shut down"])
        _ = client
    }

    @Test func aPortInUseGivesAClearError() throws {
        let first = try TestServer()
        defer { first.shutdown() }
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        #expect {
            _ = try TCPServer(host: "127.0.0.1", port: first.port, group: group) { _ in
                ScriptedHandler(probe: ServerProbe())
            }
        } throws: { error in
            "\(error)" == "cannot listen on 127.0.0.1:\(first.port): address already in use"
        }
    }

    @Test func listenErrorsWriteIPv6AddressesInBrackets() {
        let error = TransportError.cannotListen(host: "::", port: 9000, reason: "address already in use")
        #expect(error.description == "cannot listen on [::]:9000: address already in use")
    }

    @Test func anUnknownHostGivesAClearError() throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        #expect(throws: TransportError.self) {
            _ = try TCPServer(host: "256.1.1.1", port: 0, group: group) { _ in ScriptedHandler(probe: ServerProbe()) }
        }
    }
}
