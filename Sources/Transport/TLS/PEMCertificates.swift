import COpenSSL

/// Every certificate of a PEM file's contents, in order; the caller owns (frees) them.
enum PEMCertificates {
    static func parse(_ pem: [UInt8]) -> [OpaquePointer] {
        let certificates = pem.withUnsafeBytes { bytes -> [OpaquePointer] in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return [] }
            defer { BIO_free(bio) }
            var certificates: [OpaquePointer] = []
            while let certificate = ampwise_PEM_read_bio_X509(bio) {
                certificates.append(certificate)
            }
            return certificates
        }
        // Reading stops with "no start line" at the end of the file: expected, not an error.
        OpenSSLErrorQueue.clear()
        return certificates
    }
}
