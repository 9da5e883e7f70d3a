/// Outgoing bytes the kernel did not take yet, in order. Empty (and allocation-free) for almost
/// every connection: writes go straight to the socket and only the remainder is queued.
struct WriteQueue {
    private var chunks: [[UInt8]] = []
    /// Index of the first unsent chunk and how much of it was already sent: removing from the
    /// front of an array is O(n), so consumed chunks are dropped in batches.
    private var head = 0
    private var headOffset = 0
    private(set) var byteCount = 0

    var isEmpty: Bool { byteCount == 0 }

    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        chunks.append(bytes)
        byteCount += bytes.count
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        append([UInt8](bytes))
    }

    /// Offers the pending bytes to `send` chunk by chunk until it takes less than offered (the
    /// socket is full) or returns nil (an error); returns false after an error.
    mutating func drain(_ send: (UnsafeRawBufferPointer) -> Int?) -> Bool {
        while head < chunks.count {
            let offered = chunks[head].count - headOffset
            let sent = chunks[head].withUnsafeBytes { bytes in
                send(UnsafeRawBufferPointer(rebasing: bytes[headOffset...]))
            }
            guard let sent else { return false }
            byteCount -= sent
            if sent < offered {
                headOffset += sent
                compact()
                return true
            }
            head += 1
            headOffset = 0
        }
        removeAll()
        return true
    }

    private mutating func compact() {
        if head >= 16 && head * 2 >= chunks.count {
            chunks.removeFirst(head)
            head = 0
        }
    }

    mutating func removeAll() {
        chunks = []
        head = 0
        headOffset = 0
        byteCount = 0
    }
}
