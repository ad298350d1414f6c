package org.pocketsim.kernel.work;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable copy of a {@link KernelWork}'s counts, for run results and reports. Value semantics:
 * two snapshots with the same counts are equal.
 */
public final class WorkSnapshot {

    private final long[] bytes;
    private final Map<String, Long> macs;
    private final long dequantOps;
    private final long lookupOps;
    private final long cacheLookups;
    private final long cacheHits;

    WorkSnapshot(long[] bytes, Map<String, Long> macs, long dequantOps, long lookupOps,
                 long cacheLookups, long cacheHits) {
        this.bytes = bytes.clone();
        this.macs = Collections.unmodifiableMap(new LinkedHashMap<>(macs));
        this.dequantOps = dequantOps;
        this.lookupOps = lookupOps;
        this.cacheLookups = cacheLookups;
        this.cacheHits = cacheHits;
    }

    public long bytes(MemoryTier tier, Region region) {
        return bytes[KernelWork.bytesIndex(tier, region)];
    }

    public long bytes(MemoryTier tier) {
        long sum = 0;
        for (Region r : Region.values()) sum += bytes(tier, r);
        return sum;
    }

    public long totalBytes() {
        long sum = 0;
        for (long b : bytes) sum += b;
        return sum;
    }

    /** MACs per kind, in first-seen order (unmodifiable). */
    public Map<String, Long> macs() { return macs; }

    public long totalMacs() {
        long sum = 0;
        for (long m : macs.values()) sum += m;
        return sum;
    }

    public long dequantOps() { return dequantOps; }

    public long lookupOps() { return lookupOps; }

    public long cacheLookups() { return cacheLookups; }

    public long cacheHits() { return cacheHits; }

    /** Share of cache lookups that hit, or NaN when there were none. */
    public double cacheHitRate() {
        return cacheLookups == 0 ? Double.NaN : (double) cacheHits / cacheLookups;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WorkSnapshot s)) return false;
        return Arrays.equals(bytes, s.bytes) && macs.equals(s.macs) && dequantOps == s.dequantOps
                && lookupOps == s.lookupOps && cacheLookups == s.cacheLookups && cacheHits == s.cacheHits;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + macs.hashCode() + Long.hashCode(dequantOps + 7 * cacheLookups);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("WorkSnapshot{");
        for (MemoryTier t : MemoryTier.values()) {
            for (Region r : Region.values()) {
                long b = bytes(t, r);
                if (b != 0) sb.append(t).append('.').append(r).append('=').append(b).append("B, ");
            }
        }
        sb.append("macs=").append(macs).append(", dequantOps=").append(dequantOps)
                .append(", lookupOps=").append(lookupOps).append(", cache=").append(cacheHits)
                .append('/').append(cacheLookups).append('}');
        return sb.toString();
    }
}
