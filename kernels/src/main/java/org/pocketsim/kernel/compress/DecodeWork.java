package org.pocketsim.kernel.compress;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lane operations per stored weight that a GEMV spends to use one weight of a format: the
 * multiply-adds ({@link DecodeOp#MAC}, 1 for a dense format, N/M for N:M sparsity, 0 for ternary)
 * and the decode work around them. Immutable.
 *
 * @param format the weight format's registry name
 * @param note   how the counts follow from the format's layout
 */
public record DecodeWork(String format, double[] opsPerWeight, String note) {

    public DecodeWork {
        if (opsPerWeight.length != DecodeOp.values().length) throw new IllegalArgumentException("one count per DecodeOp");
        opsPerWeight = opsPerWeight.clone();
    }

    /** Lane operations of {@code op} per weight. */
    public double per(DecodeOp op) {
        return opsPerWeight[op.ordinal()];
    }

    /** The non-zero counts by op, in {@link DecodeOp} order (for tables). */
    public Map<DecodeOp, Double> nonZero() {
        Map<DecodeOp, Double> m = new LinkedHashMap<>();
        for (DecodeOp op : DecodeOp.values()) if (per(op) != 0) m.put(op, per(op));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodeWork w && w.format.equals(format) && Arrays.equals(w.opsPerWeight, opsPerWeight) && w.note.equals(note);
    }

    @Override
    public int hashCode() {
        return format.hashCode() * 31 + Arrays.hashCode(opsPerWeight);
    }

    /** Builder of counts. */
    static final class Counts {
        private final double[] ops = new double[DecodeOp.values().length];

        Counts add(DecodeOp op, double perWeight) {
            ops[op.ordinal()] += perWeight;
            return this;
        }

        DecodeWork build(String format, String note) {
            return new DecodeWork(format, ops, note);
        }
    }
}
