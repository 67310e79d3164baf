#if canImport(Glibc)
import Glibc
#endif
import CEvidexMemory
import CEvidexZlib

/// An append-only byte stream for a segment section that may outgrow the memory budget
/// (postings, positions, the document store): bytes collect in `tail` and move to an unlinked
/// temporary file in the index folder whenever the owner calls `spillIfLarge()` at a point
/// where nothing in the tail will be patched any more. The file disappears with its
/// descriptor, so a crash leaves nothing behind.
///
/// Offsets are stream offsets: `count` counts spilled and unspilled bytes alike.
final class SpillFile {
    /// Bytes not yet spilled; owners append and patch here (patch offsets are relative to
    /// `spilled`). Unchecked: the encoder swaps it in and out for every posting list, and
    /// one owner (the segment writer's thread) touches it.
    @exclusivity(unchecked) var tail: ByteBuffer
    @exclusivity(unchecked) private(set) var spilled = 0
    @exclusivity(unchecked) private var fd: Int32 = -1
    private let directory: String?
    private let threshold: Int
    /// The CRC-32 of the spilled bytes, computed as they leave memory: the segment writer
    /// combines it instead of reading the bytes back to checksum them.
    @exclusivity(unchecked) private(set) var spilledCRC: UInt32 = 0
    /// The first write error; reported when the stream is read or checked.
    @exclusivity(unchecked) private var failure: IndexError?

    /// `directory` nil keeps everything in memory (tests and small merges).
    init(directory: String?, threshold: Int = 2 << 20, capacity: Int = 1 << 16) {
        self.directory = directory
        self.threshold = threshold
        tail = ByteBuffer(capacity: min(capacity, threshold + threshold / 2))
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    var count: Int { spilled + tail.count }

    /// Moves the tail to the file once it passes the threshold.
    func spillIfLarge() {
        guard tail.count >= threshold, directory != nil, failure == nil else { return }
        do throws(IndexError) {
            try spill()
        } catch {
            failure = error
        }
    }

    private func spill() throws(IndexError) {
        guard let directory else { return }
        if fd < 0 {
            var template = Array((directory + "/.spill-XXXXXX").utf8CString)
            let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            let name = String(cString: template)
            guard opened >= 0 else { throw .io(path: name, operation: "create a temporary file", errno: errno) }
            unlink(name)
            _ = fcntl(opened, F_SETFD, FD_CLOEXEC)
            fd = opened
        }
        let fd = self.fd
        try tail.bytes.withRawBytes { (raw) throws(IndexError) in
            if let base = raw.baseAddress {
                spilledCRC = evx_crc32(spilledCRC, base.assumingMemoryBound(to: UInt8.self), raw.count)
            }
            var done = 0
            while done < raw.count {
                let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(spilled + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .io(path: directory + "/.spill", operation: "write a temporary file", errno: errno)
                }
                done += n
            }
        }
        spilled += tail.count
        tail = ByteBuffer(capacity: threshold + threshold / 2)
    }

    /// Copies the spilled bytes to the end of the file `out` inside the kernel (one copy instead
    /// of a read and a write through a buffer). Returns false, having copied nothing, when the
    /// file system cannot (the caller then reads the bytes with `forEachChunk`).
    func copySpilled(to out: Int32, path: String) throws(IndexError) -> Bool {
        if let failure { throw failure }
        guard spilled > 0 else { return true }
        var inOffset: Int64 = 0
        while inOffset < Int64(spilled) {
            let n = evx_copy_file_range(fd, &inOffset, out, UInt(spilled - Int(inOffset)))
            if n < 0 {
                if errno == EINTR { continue }
                // Nothing copied yet: the caller can still take the slow path.
                if inOffset == 0 && [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP, EBADF].contains(errno) { return false }
                throw .io(path: path, operation: "copy a temporary file into", errno: errno)
            }
            if n == 0 { throw .io(path: path, operation: "copy a temporary file into", errno: EIO) }
        }
        return true
    }

    /// Calls `body` with the unspilled bytes.
    func withTail(_ body: (UnsafeRawBufferPointer) throws(IndexError) -> Void) throws(IndexError) {
        if let failure { throw failure }
        try tail.bytes.withRawBytes { (raw) throws(IndexError) in try body(raw) }
    }

    /// Calls `body` with the stream's bytes in order, in chunks of a few megabytes.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws(IndexError) -> Void) throws(IndexError) {
        if let failure { throw failure }
        if spilled > 0 {
            let size = 1 << 20
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            defer { buffer.deallocate() }
            var at = 0
            while at < spilled {
                let n = pread(fd, buffer, min(size, spilled - at), off_t(at))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    throw .io(path: (directory ?? "") + "/.spill", operation: "read a temporary file", errno: n < 0 ? errno : EIO)
                }
                try body(UnsafeRawBufferPointer(start: buffer, count: n))
                at += n
            }
        }
        try withTail(body)
    }
}
