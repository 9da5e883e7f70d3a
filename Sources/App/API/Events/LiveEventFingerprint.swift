/// What tells two states of one key apart (`PendingLiveEvent.fingerprint`) without keeping them:
/// 10,000 charger objects kept whole would cost about 4 MB, their fingerprints 160 kB. Two different
/// states share one only if their lengths and 64-bit hashes (seeded per process) both match.
struct LiveEventFingerprint: Sendable, Equatable {
    let length: Int
    let hash: Int

    init(_ data: String) {
        length = data.utf8.count
        hash = data.hashValue
    }
}
