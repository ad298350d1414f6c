package org.pocketsim.engine.component;

import java.util.Arrays;
import java.util.List;
import org.pocketsim.hw.spec.RatePoint;

/**
 * Bandwidth as a function of request size, from a measured table (e.g. UFS 4.0: 450 MB/s at
 * 4 KB to 4 GB/s at 512 KB). Between rows the bandwidth is linear in log2(request size), the
 * axis such curves are measured and plotted on (sizes double per point); outside the table it
 * is clamped to the first or last row. Sizes must strictly increase, bandwidths must not fall.
 */
public final class BandwidthCurve {

    private final long[] sizesBytes;
    private final double[] bytesPerSecond;
    private final double[] log2Sizes;

    public BandwidthCurve(long[] sizesBytes, double[] bytesPerSecond) {
        if (sizesBytes.length == 0 || sizesBytes.length != bytesPerSecond.length) {
            throw new IllegalArgumentException("bandwidth curve needs matching non-empty size and bandwidth rows, got "
                    + sizesBytes.length + " and " + bytesPerSecond.length);
        }
        for (int i = 0; i < sizesBytes.length; i++) {
            if (sizesBytes[i] <= 0 || !(bytesPerSecond[i] > 0) || Double.isInfinite(bytesPerSecond[i])) {
                throw new IllegalArgumentException("bandwidth curve row " + i + ": size and bandwidth must be positive, got "
                        + sizesBytes[i] + " B and " + bytesPerSecond[i] + " B/s");
            }
            if (i > 0 && sizesBytes[i] <= sizesBytes[i - 1]) {
                throw new IllegalArgumentException("bandwidth curve row " + i + ": size " + sizesBytes[i]
                        + " B must exceed the previous row's " + sizesBytes[i - 1] + " B");
            }
            if (i > 0 && bytesPerSecond[i] < bytesPerSecond[i - 1]) {
                throw new IllegalArgumentException("bandwidth curve row " + i + ": bandwidth must not fall with size");
            }
        }
        this.sizesBytes = sizesBytes.clone();
        this.bytesPerSecond = bytesPerSecond.clone();
        this.log2Sizes = Arrays.stream(sizesBytes).mapToDouble(BandwidthCurve::log2).toArray();
    }

    /** The curve of a spec's measured table (e.g. {@code FlashSpec.sequentialRead()}). */
    public static BandwidthCurve fromRatePoints(List<RatePoint> rows) {
        long[] sizes = new long[rows.size()];
        double[] rates = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            sizes[i] = rows.get(i).requestSize().bytes();
            rates[i] = rows.get(i).bandwidth().bytesPerSecond();
        }
        return new BandwidthCurve(sizes, rates);
    }

    /** A curve with one bandwidth for every request size. */
    public static BandwidthCurve flat(double bytesPerSecond) {
        return new BandwidthCurve(new long[] {1}, new double[] {bytesPerSecond});
    }

    /** Bandwidth for requests of {@code requestBytes} (> 0), bytes per second. */
    public double bytesPerSecondAt(long requestBytes) {
        if (requestBytes <= 0) {
            throw new IllegalArgumentException("request size must be positive, got " + requestBytes + " B");
        }
        int last = sizesBytes.length - 1;
        if (requestBytes <= sizesBytes[0]) {
            return bytesPerSecond[0];
        }
        if (requestBytes >= sizesBytes[last]) {
            return bytesPerSecond[last];
        }
        int hi = 1;
        while (sizesBytes[hi] < requestBytes) {
            hi++;
        }
        int lo = hi - 1;
        double t = (log2(requestBytes) - log2Sizes[lo]) / (log2Sizes[hi] - log2Sizes[lo]);
        return bytesPerSecond[lo] + t * (bytesPerSecond[hi] - bytesPerSecond[lo]);
    }

    private static double log2(long value) {
        return Math.log(value) / Math.log(2.0);
    }
}
