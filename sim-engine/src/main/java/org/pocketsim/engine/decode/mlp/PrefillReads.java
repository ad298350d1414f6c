package org.pocketsim.engine.decode.mlp;

/**
 * The MLP weight reads of one prefill chunk: a chunk of a prompt uses every MLP weight (every
 * column, every expert), so what is resident or cached comes from DRAM and the rest from flash.
 *
 * @param dramBytes         MLP bytes read from DRAM
 * @param flashBytes        MLP bytes read from flash
 * @param flashRequestBytes size of each flash read
 * @param flashRandom       whether the flash reads are scattered (else sequential)
 */
public record PrefillReads(long dramBytes, long flashBytes, long flashRequestBytes, boolean flashRandom) {

    /** All of {@code bytes} from DRAM. */
    public static PrefillReads resident(long bytes) {
        return new PrefillReads(bytes, 0, 1, false);
    }

    /**
     * {@code residentBytes} from DRAM plus {@code managedBytes} behind a DRAM cache of
     * {@code cacheBytes}: the cache's share of them from DRAM (a warm cache, see docs/engine.md),
     * the rest from flash.
     */
    public static PrefillReads cached(long residentBytes, long managedBytes, long cacheBytes, long requestBytes, boolean random) {
        long fromCache = Math.min(managedBytes, Math.max(0, cacheBytes));
        return new PrefillReads(residentBytes + fromCache, managedBytes - fromCache, Math.max(1, requestBytes), random);
    }
}
