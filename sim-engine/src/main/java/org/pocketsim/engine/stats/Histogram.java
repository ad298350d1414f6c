package org.pocketsim.engine.stats;

import java.util.Map;

/**
 * Histogram of non-negative long samples (latencies in ps, request sizes in bytes) in
 * power-of-two buckets: bucket 0 holds 0, bucket k >= 1 holds [2^(k-1), 2^k). Exact count,
 * sum, min and max are kept beside the buckets; quantiles are bucket upper bounds, so they
 * over-estimate by less than a factor of two. Recording allocates nothing.
 */
public final class Histogram implements Statistic {

    private static final int BUCKETS = 65;

    private final long[] buckets = new long[BUCKETS];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    public void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("histogram sample must be >= 0, got " + value);
        }
        buckets[bucketOf(value)]++;
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Bucket index of {@code value}: 0 for 0, else 64 - numberOfLeadingZeros(value). */
    public static int bucketOf(long value) {
        return 64 - Long.numberOfLeadingZeros(value);
    }

    public long bucketCount(int bucket) {
        return buckets[bucket];
    }

    public long count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    public long min() {
        requireSamples();
        return min;
    }

    public long max() {
        requireSamples();
        return max;
    }

    public double mean() {
        requireSamples();
        return (double) sum / count;
    }

    /**
     * Upper bound of the bucket holding the q-quantile (0 < q <= 1), capped at the exact max:
     * the smallest bucket bound b with at least ceil(q x count) samples <= b.
     */
    public long quantileUpperBound(double q) {
        requireSamples();
        if (!(q > 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + q);
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += buckets[b];
            if (seen >= rank) {
                long upper = b == 0 ? 0 : (b == 64 ? Long.MAX_VALUE : (1L << b) - 1);
                return Math.min(upper, max);
            }
        }
        return max;
    }

    private void requireSamples() {
        if (count == 0) {
            throw new IllegalStateException("histogram has no samples");
        }
    }

    @Override
    public void report(String key, long nowPs, Map<String, Double> out) {
        out.put(key + ".count", (double) count);
        if (count > 0) {
            out.put(key + ".mean", mean());
            out.put(key + ".min", (double) min);
            out.put(key + ".max", (double) max);
            out.put(key + ".p99", (double) quantileUpperBound(0.99));
        }
    }
}
