import Central
import Foundation
import TestSupport
import Testing

/// Issue 8: 300 connections each holding an unfinished 1 MB message cost 333 MB, with no overall
/// cap. Now `central.maxBufferedBytes` bounds what all connections together buffer, and past it
/// the connections holding the most are closed with 1009 (docs/configuration.md).
@Suite struct MessageBufferLimitTests {
    /// A Heartbeat padded with spaces to `size` bytes (JSON allows trailing white space), as one
    /// masked text frame.
    private static func paddedHeartbeat(id: String, size: Int) -> [UInt8] {
        var text = Array(#"[2,"\#(id)","Heartbeat",{}]"#.utf8)
        text += [UInt8](repeating: UInt8(ascii: " "), count: size - text.count)
        return TestWebSocketClient.frameBytes(opcode: TestWebSocketFrame.textOpcode, payload: text)
    }

    @Test func pastTheLimitTheLargestUnfinishedMessageIsClosedWith1009AndTheOthersCarryOn() async throws {
        let running = try RunningCentralSystem(maxMessageBytes: 64 * 1024, maxBufferedBytes: 100_000)
        let port = running.port
        // 45 + 10 + 20 + 30 KB = 105,000 bytes unfinished, over the 100,000 allowed.
        let sizes = [("CP-A", 45_000), ("CP-B", 10_000), ("CP-C", 20_000), ("CP-D", 30_000)]
        var clients: [String: ClientBox] = [:]
        for (id, _) in sizes {
            clients[id] = try await connectClient(port: port, path: "/ocpp/\(id)")
            try await running.waitUntilConnected(id)
        }
        defer { for box in clients.values { box.client.disconnect() } }
        var frames: [String: [UInt8]] = [:]
        for (id, size) in sizes {
            let frame = Self.paddedHeartbeat(id: id, size: size)
            frames[id] = frame
            let box = clients[id]!
            try await DedicatedThread.run { try box.client.sendRaw(Array(frame.dropLast())) }
        }
        let largest = clients["CP-A"]!
        let close = try await DedicatedThread.run { try largest.client.receiveFrame(timeout: .seconds(10)) }
        #expect(close.closeCode == 1009)
        // The others are whole: their messages complete and are answered.
        for (id, _) in sizes.dropFirst() {
            let box = clients[id]!
            let last = frames[id]!.suffix(1)
            let reply = try await DedicatedThread.run { () throws -> String in
                try box.client.sendRaw(Array(last))
                return try box.client.receiveText(timeout: .seconds(10))
            }
            #expect(reply.hasPrefix(#"[3,"\#(id)","#))
        }
    }
}
