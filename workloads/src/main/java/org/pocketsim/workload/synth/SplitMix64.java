package org.pocketsim.workload.synth;

/**
 * SplitMix64 pseudo-random stream (Steele, Lea and Flood 2014): tiny state, fast, and good
 * enough for synthetic traces. Each generator owns its streams; nothing is static or shared,
 * so a trace is a pure function of its seed whatever the read order.
 */
final class SplitMix64 {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A stream derived from a seed and a path of labels (layer, tensor...), independent of its siblings. */
    static SplitMix64 derive(long seed, long... path) {
        long s = mix(seed);
        for (long p : path) s = mix(s ^ mix(p + GOLDEN));
        return new SplitMix64(s);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
