package org.pocketsim.engine.decode;

/**
 * Cache hits and lookups per model layer, summed over tokens and caches: the hit rate of a run
 * and of each layer. Primitive counters; nothing allocated while counting.
 */
public final class LayerHits {

    private final long[] hits;
    private final long[] lookups;

    public LayerHits(int layers) {
        hits = new long[layers];
        lookups = new long[layers];
    }

    public void add(int layer, long hit, long lookedUp) {
        hits[layer] += hit;
        lookups[layer] += lookedUp;
    }

    /** Hits over lookups per layer; 0 for layers without lookups. */
    public double[] byLayer() {
        double[] out = new double[hits.length];
        for (int l = 0; l < out.length; l++) out[l] = lookups[l] == 0 ? 0 : (double) hits[l] / lookups[l];
        return out;
    }

    /** Misses over lookups per layer; 0 for layers without lookups. */
    public double[] missByLayer() {
        double[] out = new double[hits.length];
        for (int l = 0; l < out.length; l++) out[l] = lookups[l] == 0 ? 0 : (double) (lookups[l] - hits[l]) / lookups[l];
        return out;
    }

    /** Misses over lookups over all layers; 0 without lookups. */
    public double missTotal() {
        long h = 0;
        long c = 0;
        for (int l = 0; l < hits.length; l++) {
            h += hits[l];
            c += lookups[l];
        }
        return c == 0 ? 0 : (double) (c - h) / c;
    }

    /** Hits over lookups over all layers; 0 without lookups. */
    public double total() {
        long h = 0;
        long c = 0;
        for (int l = 0; l < hits.length; l++) {
            h += hits[l];
            c += lookups[l];
        }
        return c == 0 ? 0 : (double) h / c;
    }

    /** Lookups over all layers. */
    public long lookups() {
        long c = 0;
        for (long x : lookups) c += x;
        return c;
    }
}
