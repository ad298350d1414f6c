package org.pocketsim.kernel.work;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mutable accumulator of the work kernels imply, which the engine times and prices: bytes read
 * per memory tier and region, multiply-accumulates per MAC kind, dequantisation and lookup
 * operations, and weight-cache lookups and hits.
 *
 * <p>Hot-path contract: every {@code add...} method works on primitive fields and arrays and
 * allocates nothing, except the first time a new MAC kind is seen (a handful per run). MAC kinds
 * are free-form keys chosen by the kernel; the convention is {@code "<input format>/<accumulator>"},
 * e.g. {@code "int8/int32"} or {@code "fp16/fp32"}, where the input format is the format the
 * MAC array multiplies in. Use {@link #macSlot(String)} once and {@link #addMacs(int, long)} in
 * loops to skip even the short key scan. Slots stay valid across {@link #reset()}.
 *
 * <p>Not thread-safe: one accumulator per simulated run (or per thread); merge with {@link #add}.
 */
public final class KernelWork {

    private final long[] bytes = new long[MemoryTier.COUNT * Region.COUNT];
    private String[] macKeys = new String[4];
    private long[] macs = new long[4];
    private int macKinds;
    private long dequantOps;
    private long lookupOps;
    private long cacheLookups;
    private long cacheHits;

    /** Adds {@code n} bytes read from {@code tier} for {@code region}. */
    public void addBytes(MemoryTier tier, Region region, long n) {
        requireNonNegative(n, "bytes");
        bytes[tier.ordinal() * Region.COUNT + region.ordinal()] += n;
    }

    /** Slot of MAC kind {@code key}, created on first use; stable for this accumulator's lifetime. */
    public int macSlot(String key) {
        for (int i = 0; i < macKinds; i++) {
            if (macKeys[i] == key || macKeys[i].equals(key)) return i;
        }
        if (key == null || key.isBlank()) throw new IllegalArgumentException("MAC kind key must be non-blank");
        if (macKinds == macKeys.length) {
            macKeys = Arrays.copyOf(macKeys, macKinds * 2);
            macs = Arrays.copyOf(macs, macKinds * 2);
        }
        macKeys[macKinds] = key;
        return macKinds++;
    }

    /** Adds {@code n} multiply-accumulates of the kind in slot {@code slot} (from {@link #macSlot}). */
    public void addMacs(int slot, long n) {
        requireNonNegative(n, "MACs");
        if (slot < 0 || slot >= macKinds) throw new IllegalArgumentException("unknown MAC slot " + slot);
        macs[slot] += n;
    }

    /** Adds {@code n} multiply-accumulates of kind {@code key}. */
    public void addMacs(String key, long n) {
        addMacs(macSlot(key), n);
    }

    /** Adds {@code n} dequantisation operations (one per weight element decoded to the compute format). */
    public void addDequantOps(long n) {
        requireNonNegative(n, "dequantisation ops");
        dequantOps += n;
    }

    /** Adds {@code n} table lookups (codebook or LUT reads by index). */
    public void addLookupOps(long n) {
        requireNonNegative(n, "lookup ops");
        lookupOps += n;
    }

    /** Adds {@code lookups} weight-cache lookups of which {@code hits} found the block resident. */
    public void addCacheLookups(long lookups, long hits) {
        requireNonNegative(lookups, "cache lookups");
        requireNonNegative(hits, "cache hits");
        if (hits > lookups) throw new IllegalArgumentException("cache hits " + hits + " exceed lookups " + lookups);
        cacheLookups += lookups;
        cacheHits += hits;
    }

    /** Adds all of {@code other}'s counts to this accumulator. */
    public void add(KernelWork other) {
        for (int i = 0; i < bytes.length; i++) bytes[i] += other.bytes[i];
        for (int i = 0; i < other.macKinds; i++) macs[macSlot(other.macKeys[i])] += other.macs[i];
        dequantOps += other.dequantOps;
        lookupOps += other.lookupOps;
        cacheLookups += other.cacheLookups;
        cacheHits += other.cacheHits;
    }

    /** Zeroes every count; MAC slots stay registered so slot ids held by kernels remain valid. */
    public void reset() {
        Arrays.fill(bytes, 0L);
        Arrays.fill(macs, 0L);
        dequantOps = 0;
        lookupOps = 0;
        cacheLookups = 0;
        cacheHits = 0;
    }

    public long bytes(MemoryTier tier, Region region) {
        return bytes[tier.ordinal() * Region.COUNT + region.ordinal()];
    }

    /** Bytes read from {@code tier}, all regions. */
    public long bytes(MemoryTier tier) {
        long sum = 0;
        for (int r = 0; r < Region.COUNT; r++) sum += bytes[tier.ordinal() * Region.COUNT + r];
        return sum;
    }

    /** Bytes read for {@code region}, all tiers. */
    public long bytes(Region region) {
        long sum = 0;
        for (int t = 0; t < MemoryTier.COUNT; t++) sum += bytes[t * Region.COUNT + region.ordinal()];
        return sum;
    }

    public long totalBytes() {
        long sum = 0;
        for (long b : bytes) sum += b;
        return sum;
    }

    /** MACs of kind {@code key}; 0 when the kind was never seen. */
    public long macs(String key) {
        for (int i = 0; i < macKinds; i++) if (macKeys[i].equals(key)) return macs[i];
        return 0;
    }

    public long totalMacs() {
        long sum = 0;
        for (int i = 0; i < macKinds; i++) sum += macs[i];
        return sum;
    }

    public long dequantOps() { return dequantOps; }

    public long lookupOps() { return lookupOps; }

    public long cacheLookups() { return cacheLookups; }

    public long cacheHits() { return cacheHits; }

    /** Immutable copy of the counts now, for results. MAC kinds keep their first-seen order. */
    public WorkSnapshot snapshot() {
        Map<String, Long> macMap = new LinkedHashMap<>();
        for (int i = 0; i < macKinds; i++) macMap.put(macKeys[i], macs[i]);
        return new WorkSnapshot(bytes, macMap, dequantOps, lookupOps, cacheLookups, cacheHits);
    }

    static int bytesIndex(MemoryTier tier, Region region) {
        return tier.ordinal() * Region.COUNT + region.ordinal();
    }

    private static void requireNonNegative(long n, String what) {
        if (n < 0) throw new IllegalArgumentException(what + " must be non-negative, got " + n);
    }
}
