package org.pocketsim.kernel.quant;

import org.pocketsim.kernel.format.IntFormat;
import org.pocketsim.kernel.format.ScalarFormat;

/**
 * Scaled quantize-dequantize of float tensors onto a scalar grid (fake quantization).
 *
 * <p>For each segment chosen by the {@link Granularity}, a range {@code r} is set by the
 * {@link RangeSetting}; the scale is {@code s = r / format.maxFinite()} (rounded to a power
 * of two under {@link ScaleRule#POWER_OF_TWO}) and each element becomes
 * {@code decode(encode(x / s)) * s}. Asymmetric integer grids map {@code [min, max]} onto
 * {@code [0, 2^b - 1]} with zero point {@code rint(-min / s)}. Scales are kept in double
 * precision (not rounded to a storage format; block formats in {@code kernel.format} do that).
 *
 * @param format      the element grid
 * @param granularity which elements share a range
 * @param range       how the range is chosen
 * @param scaleRule   which scales are allowed
 */
public record Quantizer(ScalarFormat format, Granularity granularity, RangeSetting range, ScaleRule scaleRule) {
    private static final int MSE_STEPS = 100;
    private static final int POW2_CANDIDATES = 4;

    public Quantizer {
        if (format == null || granularity == null || range == null || scaleRule == null) {
            throw new IllegalArgumentException("quantizer: format, granularity, range and scaleRule are required");
        }
    }

    /** Per-tensor absmax with real scales. */
    public static Quantizer absmax(ScalarFormat format) {
        return new Quantizer(format, Granularity.perTensor(), RangeSetting.ABSMAX, ScaleRule.REAL);
    }

    /** Quantize-dequantize a vector (one row). */
    public void quantizeDequantize(float[] src, float[] dst) {
        quantizeDequantize(src, 1, src.length, dst);
    }

    /** Quantize-dequantize a row-major {@code rows x cols} matrix into {@code dst}. */
    public void quantizeDequantize(float[] src, int rows, int cols, float[] dst) {
        if (src.length != rows * cols || dst.length != src.length) {
            throw new IllegalArgumentException("quantizer: arrays must hold rows x cols = " + rows * cols
                    + " floats, got src " + src.length + ", dst " + dst.length);
        }
        int seg = granularity.segmentLength(rows, cols);
        int rowSpan = granularity.kind() == Granularity.Kind.PER_TENSOR ? rows * cols : cols;
        for (int rowStart = 0; rowStart < src.length; rowStart += rowSpan) {
            for (int start = 0; start < rowSpan; start += seg) {
                quantizeSegment(src, dst, rowStart + start, Math.min(seg, rowSpan - start));
            }
        }
    }

    private void quantizeSegment(float[] src, float[] dst, int off, int len) {
        double lo = 0;
        double hi = 0;
        for (int i = off; i < off + len; i++) {
            lo = Math.min(lo, src[i]);
            hi = Math.max(hi, src[i]);
        }
        boolean asym = format instanceof IntFormat f && !f.symmetric();
        double span = asym ? hi - lo : Math.max(hi, -lo);
        if (span == 0) {
            for (int i = off; i < off + len; i++) {
                dst[i] = 0f;
            }
            return;
        }
        double base = span / format.maxFinite();
        if (range == RangeSetting.ABSMAX) {
            double s = scaleRule == ScaleRule.REAL ? base : Math.scalb(1.0, ceilLog2(base));
            apply(src, dst, off, len, s, asym ? lo : 0, true);
            return;
        }
        double bestScale = base;
        double bestErr = Double.POSITIVE_INFINITY;
        int candidates = scaleRule == ScaleRule.REAL ? MSE_STEPS : POW2_CANDIDATES;
        for (int c = 0; c < candidates; c++) {
            double s = scaleRule == ScaleRule.REAL
                    ? base * (MSE_STEPS - c) / MSE_STEPS
                    : Math.scalb(1.0, ceilLog2(base) - c);
            double err = apply(src, dst, off, len, s, asym ? lo * s / base : 0, false);
            if (err < bestErr) {
                bestErr = err;
                bestScale = s;
            }
        }
        apply(src, dst, off, len, bestScale, asym ? lo * bestScale / base : 0, true);
    }

    private static int ceilLog2(double v) {
        int e = Math.getExponent(v);
        return v == Math.scalb(1.0, e) ? e : e + 1;
    }

    /** Quantizes with scale {@code s} (and range floor {@code lo} for asymmetric grids); returns the squared error. */
    private double apply(float[] src, float[] dst, int off, int len, double s, double lo, boolean write) {
        double inv = 1.0 / s;
        double zp = 0;
        if (format instanceof IntFormat f && !f.symmetric()) {
            zp = f.level(-lo * inv);
        }
        double err = 0;
        for (int i = off; i < off + len; i++) {
            double q = (format.decode(format.encode(src[i] * inv + zp)) - zp) * s;
            double d = q - src[i];
            err += d * d;
            if (write) {
                dst[i] = (float) q;
            }
        }
        return err;
    }
}
