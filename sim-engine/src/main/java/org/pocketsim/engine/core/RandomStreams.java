package org.pocketsim.engine.core;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The random streams of one run, all derived from one seed. Each consumer asks for its own
 * stream by a stable name ("flash.jitter", "cache.layer3.up"); the stream's seed mixes the run
 * seed with a 64-bit hash of the name, so adding a consumer never shifts the numbers another
 * consumer sees, and the same (seed, name) always yields the same sequence.
 */
public final class RandomStreams {

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The run seed these streams derive from. */
    public long seed() {
        return seed;
    }

    /** A fresh stream for {@code name}; asking twice for one name gives two identical streams. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(seedFor(name));
    }

    /** The derived seed of stream {@code name}: SplitMix64 finaliser of seed xor FNV-1a(name). */
    public long seedFor(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("random stream name must be non-empty");
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(mix(seed) ^ hash);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
