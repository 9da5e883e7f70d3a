import Transport

/// One device's Modbus TCP connection, on one loop: connects when a request comes and none is
/// open, matches answers to requests by transaction id, times each request out, and drops the
/// connection when an answer is late or malformed (the stream may be out of step), so the next
/// request starts on a fresh one. Loop-confined.
final class ModbusSession: AttemptedConnectionSession {
    private let loop: EventLoop
    private let group: EventLoopGroup
    private let host: String
    private let port: Int
    private let timeout: Double
    private let addressCache: AddressCache?
    private var state = State.idle
    private var attempt = 0
    private var nextTransactionId: UInt16 = 0
    /// Requests waiting for the connection to open.
    private var waiting: [Request] = []
    /// Requests sent, by transaction id.
    private var inFlight: [UInt16: Request] = [:]
    private var received: [UInt8] = []

    private enum State {
        case idle
        case connecting(attempt: Int)
        case open(Connection, attempt: Int)
    }

    struct Request {
        let frame: MBAPFrame
        let complete: (Result<[UInt8], ModbusError>) -> Void
        var timer: TimerHandle?
    }

    init(loop: EventLoop, group: EventLoopGroup, host: String, port: Int, timeout: Double, addressCache: AddressCache?)
    {
        self.loop = loop
        self.group = group
        self.host = host
        self.port = port
        self.timeout = timeout
        self.addressCache = addressCache
    }

    /// Sends `pdu` to `unit`; `complete` gets the answer's PDU or why there is none, on the loop.
    func send(unit: UInt8, pdu: [UInt8], complete: @escaping (Result<[UInt8], ModbusError>) -> Void) {
        loop.assertInEventLoop()
        nextTransactionId &+= 1
        let transactionId = nextTransactionId
        var request = Request(
            frame: MBAPFrame(transactionId: transactionId, unitId: unit, pdu: pdu), complete: complete)
        request.timer = loop.scheduleTimer(after: timeout) { [self] in
            requestTimedOut(transactionId)
        }
        switch state {
        case .idle:
            waiting.append(request)
            connect()
        case .connecting:
            waiting.append(request)
        case .open(let connection, _):
            inFlight[transactionId] = request
            connection.write(request.frame.bytes)
        }
    }

    /// Closes the connection and fails what is pending (the client is going away).
    func close() {
        dropConnection(failing: .cancelled)
    }

    private func connect() {
        attempt += 1
        let current = attempt
        state = .connecting(attempt: current)
        received = []
        let bound = LoopBound(self, loop: loop)
        group.connect(host: host, port: port, timeout: timeout, addresses: addressCache, on: loop) { _ in
            AttemptConnectionHandler(session: bound.value, attempt: current)
        }
    }

    func connectionDidOpen(_ connection: Connection, attempt: Int) {
        guard case .connecting(let current) = state, current == attempt else {
            connection.abort()
            return
        }
        state = .open(connection, attempt: attempt)
        let pending = waiting
        waiting = []
        for request in pending {
            inFlight[request.frame.transactionId] = request
            connection.write(request.frame.bytes)
        }
    }

    func connectionDidReceive(_ bytes: UnsafeRawBufferPointer, attempt: Int) {
        guard case .open(_, let current) = state, current == attempt else { return }
        received.append(contentsOf: bytes)
        do {
            while let frame = try MBAPFrame.take(from: &received) {
                // An answer to a request that timed out already is dropped with it.
                guard var request = inFlight.removeValue(forKey: frame.transactionId) else { continue }
                if let timer = request.timer { loop.cancel(timer) }
                request.timer = nil
                request.complete(.success(frame.pdu))
            }
        } catch {
            dropConnection(failing: error)
        }
    }

    func connectionDidEnd(attempt: Int, error: TransportError?) {
        switch state {
        case .connecting(let current) where current == attempt, .open(_, let current) where current == attempt:
            state = .idle
            // A device that closes in an orderly way still leaves its requests unanswered.
            failAll(with: .transport(error ?? .socket(operation: "read", reason: "connection closed by the device")))
        default:
            return
        }
    }

    private func requestTimedOut(_ transactionId: UInt16) {
        if let index = waiting.firstIndex(where: { $0.frame.transactionId == transactionId }) {
            let request = waiting.remove(at: index)
            request.complete(.failure(.timedOut(seconds: timeout)))
            if waiting.isEmpty && inFlight.isEmpty, case .connecting = state {
                // Nobody waits for this connection any more: give it up.
                state = .idle
            }
            return
        }
        guard let request = inFlight.removeValue(forKey: transactionId) else { return }
        request.complete(.failure(.timedOut(seconds: timeout)))
        // A device that did not answer may answer later and put the stream out of step.
        dropConnection(failing: .timedOut(seconds: timeout))
    }

    private func dropConnection(failing error: ModbusError) {
        if case .open(let connection, _) = state { connection.abort() }
        state = .idle
        failAll(with: error)
    }

    private func failAll(with error: ModbusError) {
        let pending = waiting + inFlight.values
        waiting = []
        inFlight = [:]
        for request in pending {
            if let timer = request.timer { loop.cancel(timer) }
            request.complete(.failure(error))
        }
    }
}
