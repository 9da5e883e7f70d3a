import COpenSSL

/// The values of one attribute of an X.509 name (a subject's commonNames, its organizationNames),
/// in order, as UTF-8: a name may carry an attribute several times.
enum X509NameEntries {
    /// Reads `name` (an `X509_NAME` the caller keeps owning).
    static func values(of nid: Int32, in name: OpaquePointer) -> [String] {
        var values: [String] = []
        var index: Int32 = -1
        while true {
            index = X509_NAME_get_index_by_NID(name, nid, index)
            guard index >= 0 else { break }
            guard let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry)
            else { continue }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, data)
            guard length >= 0, let utf8 else { continue }
            values.append(String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self))
            ampwise_OPENSSL_free(utf8)
        }
        OpenSSLErrorQueue.clear()
        return values
    }
}
