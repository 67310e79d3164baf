import CEvidexMemory
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Append-only storage for byte strings whose addresses never move (chunks are never
/// reallocated, only added), so pointers into it stay valid while the arena lives.
struct ByteArena: ~Copyable {
    private static let chunkSize = 64 * 1024
    private var chunks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutablePointer<UInt8>? = nil
    private var remaining = 0
    /// Bytes allocated, for memory budgets.
    private(set) var allocatedBytes = 0

    init() {}

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    mutating func store(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<UInt8> {
        let n = bytes.count
        if n > Self.chunkSize / 4 {
            let big = UnsafeMutableRawPointer.allocate(byteCount: max(n, 1), alignment: 8)
            chunks.append(big)
            allocatedBytes += max(n, 1)
            if n > 0 { big.copyMemory(from: bytes.baseAddress!, byteCount: n) }
            return UnsafePointer(big.assumingMemoryBound(to: UInt8.self))
        }
        if n > remaining || cursor == nil {
            let chunk = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 8)
            chunks.append(chunk)
            allocatedBytes += Self.chunkSize
            cursor = chunk.assumingMemoryBound(to: UInt8.self)
            remaining = Self.chunkSize
        }
        let p = cursor!
        if n > 0 { UnsafeMutableRawPointer(p).copyMemory(from: bytes.baseAddress!, byteCount: n) }
        cursor = p + n
        remaining -= n
        return UnsafePointer(p)
    }
}

/// 64-bit hash of a byte string (8 bytes per step, multiply-xorshift mixing).
@inline(__always)
func hashBytes(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
    hashBytes(p, n, readable: n)
}

/// `hashBytes(p, n)` where `readable` (≥ n) bytes from p may be read: a word's last partial
/// 8 bytes (all of most words) then take one load and a mask instead of a loop over its bytes.
/// The same value either way.
@inline(__always)
func hashBytes(_ p: UnsafeRawPointer, _ n: Int, readable: Int) -> UInt64 {
    let k: UInt64 = 0x9E37_79B9_7F4A_7C15
    var h: UInt64 = UInt64(truncatingIfNeeded: n) &* k
    var i = 0
    while i + 8 <= n {
        let w = p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        i += 8
    }
    if i < n {
        var w: UInt64 = 0
        if readable - i >= 8 {
            // The little-endian load puts byte i lowest, as the loop below does.
            w = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & (UInt64.max >> UInt64(8 * (8 - (n - i))))
        } else {
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
        }
        h = (h ^ w) &* 0x94D0_49BB_1331_11EB
    }
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 32
    return h
}

/// Open-addressing hash table from byte strings to a 64-bit value. Entries are dense
/// (entry index = insertion order), keys are copied into an arena and never move.
final class ByteTable {
    struct Entry {
        var key: UnsafePointer<UInt8>
        var length: Int32
        var value: UInt64
    }

    private var arena = ByteArena()
    private(set) var entries: UnsafeMutablePointer<Entry>
    private var entryCapacity: Int
    private(set) var count = 0
    /// Each slot: high 32 bits = hash tag, low 32 bits = entry index + 1 (0 = empty).
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int

    init(initialCapacity: Int = 1024) {
        var cap = 16
        while cap < initialCapacity * 2 { cap <<= 1 }
        slots = .allocate(capacity: cap)
        slots.initialize(repeating: 0, count: cap)
        mask = cap - 1
        entryCapacity = cap / 2
        entries = .allocate(capacity: entryCapacity)
    }

    /// Bytes held (keys, entries, slots), for memory budgets.
    var memoryBytes: Int {
        arena.allocatedBytes + entryCapacity * MemoryLayout<Entry>.stride + (mask + 1) * 8
    }

    deinit {
        slots.deallocate()
        entries.deinitialize(count: count)
        entries.deallocate()
    }

    /// Inline rather than `memcmp`: keys are words, a few bytes long, and the call cost more
    /// than the comparison (a twentieth of indexing time went to it). Reads only the n bytes.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
        let ra = UnsafeRawPointer(a)
        var i = 0
        while i + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// Index of the entry for `key`, or -1.
    @inline(__always)
    func find(_ key: UnsafeRawPointer, _ n: Int, hash h: UInt64) -> Int {
        let tag = h & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { return -1 }
            if s & 0xFFFF_FFFF_0000_0000 == tag {
                let idx = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                let e = entries[idx]
                if Int(e.length) == n && Self.equal(e.key, key, n) { return idx }
            }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    func value(at index: Int) -> UInt64 { entries[index].value }

    /// Prefetches the slot a `find` with this hash reads first.
    @inline(__always)
    func prefetch(hash h: UInt64) {
        evx_prefetch_read(slots + (Int(truncatingIfNeeded: h) & mask))
    }

    /// Prefetches the entry and key a `find` with this hash compares first (after `prefetch`
    /// brought its slot in).
    @inline(__always)
    func prefetchEntry(hash h: UInt64) {
        let s = slots[Int(truncatingIfNeeded: h) & mask]
        guard s != 0, s & 0xFFFF_FFFF_0000_0000 == h & 0xFFFF_FFFF_0000_0000 else { return }
        let e = entries + (Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1)
        evx_prefetch_read(e)
        evx_prefetch_read(e.pointee.key)
    }

    func key(at index: Int) -> UnsafeBufferPointer<UInt8> {
        let e = entries[index]
        return UnsafeBufferPointer(start: e.key, count: Int(e.length))
    }

    /// Inserts a key known to be absent; returns its entry index.
    func insert(_ key: UnsafeRawBufferPointer, hash h: UInt64, value: UInt64) -> Int {
        if (count + 1) * 2 > mask + 1 { grow() }
        if count == entryCapacity {
            let newCap = entryCapacity * 2
            let n = UnsafeMutablePointer<Entry>.allocate(capacity: newCap)
            n.moveInitialize(from: entries, count: count)
            entries.deallocate()
            entries = n
            entryCapacity = newCap
        }
        let stored = arena.store(key)
        let idx = count
        (entries + idx).initialize(to: Entry(key: stored, length: Int32(key.count), value: value))
        count += 1
        place(hash: h, index: idx)
        return idx
    }

    @inline(__always)
    private func place(hash h: UInt64, index: Int) {
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
    }

    private func grow() {
        let newCap = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: newCap)
        slots.initialize(repeating: 0, count: newCap)
        mask = newCap - 1
        for idx in 0..<count {
            let e = entries[idx]
            place(hash: hashBytes(UnsafeRawPointer(e.key), Int(e.length)), index: idx)
        }
    }
}
