/// The bytes a connection has received and its parser has not consumed yet: append what arrives,
/// look at the unread bytes, consume what was parsed. The HTTP request parser and the WebSocket
/// frame decoder each keep one.
///
/// Consuming only moves an index; the consumed front is dropped the next time bytes are
/// appended (one move of what is left, usually nothing), so parsing many small messages from one
/// read costs no copies. Offsets passed to it count from the first unread byte.
public struct ReceiveBuffer: Sendable {
    // Inlinable with its storage: the WebSocket frame decoder reads through it once per frame.
    @usableFromInline var storage: [UInt8] = []
    /// Index in `storage` of the first unread byte.
    @usableFromInline var readIndex = 0

    public init() {}

    /// Unread bytes.
    @inlinable public var count: Int { storage.count - readIndex }

    @inlinable public var isEmpty: Bool { count == 0 }

    /// Adds received bytes after the unread ones.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        storage.append(contentsOf: bytes)
    }

    /// Adds received bytes after the unread ones.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The unread byte at `offset`.
    @inlinable public subscript(offset: Int) -> UInt8 { storage[readIndex + offset] }

    /// Unread bytes `range` (offsets from the first unread byte), without copying them; the
    /// slice keeps the indices of the buffer's storage.
    @inlinable public subscript(range: Range<Int>) -> ArraySlice<UInt8> {
        storage[(readIndex + range.lowerBound)..<(readIndex + range.upperBound)]
    }

    /// Marks `count` unread bytes as read.
    @inlinable public mutating func consume(_ count: Int) {
        precondition(count >= 0 && count <= self.count, "consumed more than was received")
        readIndex += count
    }

    /// Removes and returns every unread byte, leaving the buffer empty.
    public mutating func takeAll() -> [UInt8] {
        let rest = Array(storage[readIndex...])
        storage = []
        readIndex = 0
        return rest
    }

    /// Calls `body` with the unread bytes; what it throws, this throws.
    @inlinable public func withUnreadBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // withUnsafeBytes rethrows untyped errors, so the typed error travels out in a Result.
        let result = storage.withUnsafeBytes { all in
            Swift.Result { () throws(Failure) in try body(UnsafeRawBufferPointer(rebasing: all[readIndex...])) }
        }
        return try result.get()
    }

    private mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == storage.count {
            // Keep the capacity of ordinary traffic, not the megabyte one large message needed.
            if storage.capacity > 64 * 1024 { storage = [] } else { storage.removeAll(keepingCapacity: true) }
        } else {
            storage.removeSubrange(0..<readIndex)
        }
        readIndex = 0
    }
}
